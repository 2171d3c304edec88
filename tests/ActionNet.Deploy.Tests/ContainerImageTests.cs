using System.Text.RegularExpressions;
using ActionNet.Silo.Hosting;

namespace ActionNet.Deploy.Tests;

public partial class ContainerImageTests
{
    private static readonly string SiloImage = RepositoryRoot.Read("deploy", "docker", "silo.Dockerfile");
    private static readonly string CliImage = RepositoryRoot.Read("deploy", "docker", "cli.Dockerfile");
    private static readonly string ApiImage = RepositoryRoot.Read("deploy", "docker", "api.Dockerfile");
    private static readonly string JetsonImage = RepositoryRoot.Read("deploy", "docker", "jetson.Dockerfile");

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
    [InlineData("api.Dockerfile", "src/ActionNet.Api/ActionNet.Api.csproj", "ActionNet.Api")]
    [InlineData("jetson.Dockerfile", "silo/ActionNet.Silo/ActionNet.Silo.csproj", "ActionNet.Silo")]
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
    public void TheImagesThatDecodeVideoInstallFfmpegAndGtk()
    {
        foreach (var image in new[] { SiloImage, CliImage, JetsonImage })
        {
            Assert.Contains("ffmpeg", image, StringComparison.Ordinal);
            Assert.Contains("libgtk-3-0", image, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("silo.Dockerfile")]
    [InlineData("jetson.Dockerfile")]
    [InlineData("api.Dockerfile")]
    [InlineData("cli.Dockerfile")]
    public void EveryImageEndsAsANonRootUser(string dockerfile)
    {
        var user = Assert.Single(UserInstruction().Matches(FinalStage(RepositoryRoot.Read("deploy", "docker", dockerfile)))).Groups[1].Value;

        Assert.NotEqual("root", user);
        Assert.NotEqual("0", user);
    }

    [Fact]
    public void TheApiImageBuildsTheWebConsoleWithNpmIntoWwwrootAndServesItOnTheChartsPort()
    {
        // A node stage runs npm ci && npm run build in src/ActionNet.Web; its output is src/ActionNet.Api/wwwroot.
        Assert.Matches(@"(?m)^FROM node:\S+ AS web$", ApiImage);
        Assert.Contains("WORKDIR /src/src/ActionNet.Web", ApiImage, StringComparison.Ordinal);
        Assert.Contains("npm ci --no-audit --no-fund && npm run build", ApiImage, StringComparison.Ordinal);
        Assert.Contains("COPY --from=web /src/src/ActionNet.Api/wwwroot src/ActionNet.Api/wwwroot", ApiImage, StringComparison.Ordinal);
        Assert.True(
            ApiImage.IndexOf("COPY --from=web", StringComparison.Ordinal) < ApiImage.IndexOf("dotnet publish", StringComparison.Ordinal),
            "the console must be in wwwroot before the API is published");
        Assert.Contains("wwwroot", RepositoryRoot.Read("src", "ActionNet.Api", "ActionNet.Api.csproj"), StringComparison.Ordinal);

        var port = ChartValues.Integer("api.port");
        Assert.Equal($"{port}", Expose().Match(ApiImage).Groups[1].Value);
        Assert.Contains($"ASPNETCORE_HTTP_PORTS={port}", ApiImage, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^FROM mcr\.microsoft\.com/dotnet/aspnet:10\.0$", ApiImage);
    }

    [Fact]
    public void TheJetsonImageIsL4tJetPackWithJetPacksOnnxRuntimeForArm64()
    {
        Assert.Matches(@"ARG L4T_IMAGE=nvcr\.io/nvidia/l4t-jetpack:r\d+", JetsonImage);
        Assert.Contains("-r linux-arm64", JetsonImage, StringComparison.Ordinal);
        Assert.Contains("COPY --from=onnxruntime ${ORT_LIB}/libonnxruntime", JetsonImage, StringComparison.Ordinal);
        Assert.Contains($"ActionNet__Accelerator={ChartValues.Values.Scalar("pools.jetson.accelerator")}", JetsonImage, StringComparison.Ordinal);
        Assert.Equal("actionnet-silo-jetson", ChartValues.Values.Scalar("pools.jetson.image.repository"));
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

    [GeneratedRegex(@"(?m)^USER (\S+)$")]
    private static partial Regex UserInstruction();

    // The text after the last FROM: what the image runs.
    private static string FinalStage(string dockerfile) => dockerfile[dockerfile.LastIndexOf("\nFROM ", StringComparison.Ordinal)..];
}
