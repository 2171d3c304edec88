namespace ActionNet.Abstractions.Cluster;

/// <summary>A drain just begun: the silo's address and host, and the cameras its last report listed, each of which must hand off.</summary>
/// <param name="Silo">The silo's address.</param>
/// <param name="Host">Its host name, as its cameras' status names it.</param>
/// <param name="Cameras">The cameras that ran there when the drain began.</param>
public sealed record SiloDrain(string Silo, string Host, string[] Cameras);
