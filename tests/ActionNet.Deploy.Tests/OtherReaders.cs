using System.Reflection;
using Orleans.Hosting.Kubernetes;

namespace ActionNet.Deploy.Tests;

/// <summary>
/// Environment variables a container reads outside its host's configuration: Orleans Kubernetes hosting's, the
/// actionnet CLI's (the silo's preStop hook runs it), ASP.NET Core's web host's, and the container platform's.
/// </summary>
internal static class OtherReaders
{
    private static readonly Lazy<string> CliSource = new(() => string.Concat(
        Directory.EnumerateFiles(RepositoryRoot.PathOf("client", "ActionNet.Cli"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText)));

    /// <summary>What <c>UseKubernetesHosting()</c> reads (<see cref="KubernetesHostingOptions"/>' <c>*EnvironmentVariable</c> constants).</summary>
    public static IReadOnlySet<string> OrleansKubernetes { get; } =
        typeof(KubernetesHostingOptions).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name.EndsWith("EnvironmentVariable", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// What the API host's web host reads besides its settings: WebApplication.CreateBuilder takes <c>ASPNETCORE_*</c>
    /// variables, and Kestrel listens on <c>ASPNETCORE_HTTP_PORTS</c> or <c>ASPNETCORE_URLS</c>. (The silo's Kestrel
    /// listens on ActionNet:HttpPort only, so these are not the silo's.)
    /// </summary>
    public static IReadOnlySet<string> WebHost { get; } = new HashSet<string>(StringComparer.Ordinal) { "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_URLS" };

    /// <summary>
    /// What the GPU images set for the platform rather than for .NET: the NVIDIA container toolkit reads
    /// <c>NVIDIA_DRIVER_CAPABILITIES</c> (which driver libraries to mount), the dynamic loader <c>LD_LIBRARY_PATH</c>
    /// (JetPack's ONNX Runtime beside the Jetson silo).
    /// </summary>
    public static IReadOnlySet<string> ContainerPlatform { get; } = new HashSet<string>(StringComparer.Ordinal) { "NVIDIA_DRIVER_CAPABILITIES", "LD_LIBRARY_PATH" };

    /// <summary>Whether the actionnet CLI reads <paramref name="variable"/> (its source names it as a string).</summary>
    public static bool CliReads(string variable) => CliSource.Value.Contains($"\"{variable}\"", StringComparison.Ordinal);
}
