namespace ActionNet.Api.Apis;

/// <summary>The answer to undraining a silo.</summary>
/// <param name="Silo">The silo's address, which takes cameras again.</param>
public sealed record SiloUndrained(string Silo);
