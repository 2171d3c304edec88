using System.Text.RegularExpressions;
using ActionNet.Silo.Hosting;

namespace ActionNet.Deploy.Tests;

public partial class ContainerImageTests
{
    private static readonly string SiloImage = RepositoryRoot.Read("deploy", "docker", "silo.Dockerfile");
    private static readonly string CliImage = RepositoryRoot.Read("deploy", "docker", "cli.Dockerfile");

    [Fact]
    public void TheSiloImageExposesTheSilosDefaultPorts()
    {
        var defaults = new SiloOptions();
        var exposed = Expose().Match(SiloImage).Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal([$"{defaults.SiloPort}", $"{defaults.GatewayPort}", $"{defaults.HttpPort}"], exposed);
    }

    [Theory]
    [InlineData("silo.Dockerfile", "silo/ActionNet.Silo/ActionNet.Silo.csproj", "ActionNet.Silo")]
    [InlineData("cli.Dockerfile", "client/ActionNet.Cli/ActionNet.Cli.csproj", "actionnet")]
    public void EachImagePublishesAnExistingProjectAndRunsItsAssembly(string dockerfile, string project, string assembly)
    {
        var text = RepositoryRoot.Read("deploy", "docker", dockerfile);

        Assert.True(File.Exists(RepositoryRoot.PathOf(project)), $"{project} is missing");
        Assert.Contains($"dotnet publish {project} ", text, StringComparison.Ordinal);
        Assert.Contains($"ENTRYPOINT [\"/app/{assembly}\"]", text, StringComparison.Ordinal);
        Assert.Contains("-o /app", text, StringComparison.Ordinal);
        Assert.Equal(assembly, AssemblyName(project));
    }

    [Fact]
    public void TheSiloEntrypointIsTheSiloAssembly() =>
        Assert.Equal(typeof(SiloOptions).Assembly.GetName().Name, AssemblyName("silo/ActionNet.Silo/ActionNet.Silo.csproj"));

    [Fact]
    public void BothImagesInstallFfmpegAndGtkAndRunAsNonRoot()
    {
        foreach (var image in new[] { SiloImage, CliImage })
        {
            Assert.Contains("ffmpeg", image, StringComparison.Ordinal);
            Assert.Contains("libgtk-3-0", image, StringComparison.Ordinal);
            Assert.Matches(@"(?m)^USER \S+$", image);
        }
    }

    [Fact]
    public void TheSiloImageIsCuda13WithCudnnAndTensorRt10()
    {
        Assert.Matches(@"ARG CUDA_IMAGE=nvidia/cuda:13\.\d+\.\d+-cudnn-runtime-", SiloImage);
        Assert.Matches(@"ARG TENSORRT_VERSION=10\.[\d.]+-1\+cuda13\.\d+", SiloImage);
        Assert.Contains("libnvinfer10=${TENSORRT_VERSION}", SiloImage, StringComparison.Ordinal);
    }

    [Fact]
    public void TheBuildContextLeavesOutBuildOutputsAndGit()
    {
        var ignored = RepositoryRoot.Read(".dockerignore").Split('\n').Select(l => l.Trim()).ToHashSet();

        Assert.Superset(new HashSet<string> { ".git", "**/bin", "**/obj" }, ignored);
    }

    // The project's own AssemblyName, or its file name as MSBuild defaults it.
    private static string AssemblyName(string project)
    {
        var match = AssemblyNameProperty().Match(RepositoryRoot.Read(project));
        return match.Success ? match.Groups[1].Value : Path.GetFileNameWithoutExtension(project);
    }

    [GeneratedRegex(@"(?m)^EXPOSE ([\d ]+)$")]
    private static partial Regex Expose();

    [GeneratedRegex("<AssemblyName>([^<]+)</AssemblyName>")]
    private static partial Regex AssemblyNameProperty();
}
