namespace ActionNet.Testing;

/// <summary>What /proc shows any local user of one process.</summary>
/// <param name="Id">The process id.</param>
/// <param name="ParentId">The parent's process id.</param>
/// <param name="Name">The command name (comm), e.g. "ffmpeg".</param>
/// <param name="CommandLine">The arguments, separated by spaces.</param>
/// <param name="Environment">The environment variables, separated by spaces.</param>
public sealed record ProcessText(int Id, int ParentId, string Name, string CommandLine, string Environment);
