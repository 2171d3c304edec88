namespace ActionNet.Abstractions.Cluster;

/// <summary>How far a drain is: cameras still running on the silo, and those that left but have not handed off yet.</summary>
/// <param name="Silo">The silo's address.</param>
/// <param name="CamerasLeft">Cameras its last report still lists.</param>
/// <param name="Pending">Cameras that left but have not scored elsewhere or settled (only counted once none is left).</param>
public sealed record DrainProgress(string Silo, int CamerasLeft, string[] Pending)
{
    /// <summary>Whether the silo is empty and every camera has handed off.</summary>
    public bool Done => CamerasLeft == 0 && Pending.Length == 0;
}
