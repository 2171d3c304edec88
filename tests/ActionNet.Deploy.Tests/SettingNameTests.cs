namespace ActionNet.Deploy.Tests;

/// <summary>
/// The drift guard: every setting and environment variable the chart and the images name is one that the program
/// receiving it reads (the silo, the API host, the actionnet CLI, Orleans Kubernetes hosting, the web host or the
/// container platform), so a renamed option fails here instead of being silently ignored in a cluster.
/// </summary>
public class SettingNameTests
{
    public static TheoryData<string> Files => [.. DeploymentFiles.All];

    public static TheoryData<string> Images => [.. DeploymentFiles.All.Where(f => f.EndsWith(".Dockerfile", StringComparison.Ordinal)).Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryHostSettingNamedInTheChartAndImagesIsOneItsHostReads(string file)
    {
        var hosts = DeploymentFiles.HostsNamedIn(file);
        var unknown = DeploymentFiles.SettingNames(RepositoryRoot.Read(file))
            .Where(name => !hosts.Any(h => h.IsKnown(SettingName.FromEnvironment(name))))
            .Distinct()
            .ToArray();

        Assert.True(unknown.Length == 0, $"{file} sets settings the {string.Join(" or the ", hosts.Select(h => h.Name))} does not read: {string.Join(", ", unknown)}");
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void EveryVariableAnImageSetsIsReadByItsProgramOrThePlatform(string image)
    {
        var variables = DeploymentFiles.ImageEnvironment(RepositoryRoot.Read("deploy", "docker", image)).ToArray();
        Func<string, bool> reads = image switch
        {
            "api.Dockerfile" => v => HostSettings.Api.ReadsVariable(v) || OtherReaders.WebHost.Contains(v),
            "cli.Dockerfile" => OtherReaders.CliReads,
            _ => v => HostSettings.Silo.ReadsVariable(v) || OtherReaders.ContainerPlatform.Contains(v),
        };

        var unread = variables.Where(v => !reads(v)).ToArray();

        Assert.True(unread.Length == 0, $"{image} sets variables nothing in it reads: {string.Join(", ", unread)}");
    }

    [Fact]
    public void ImageEnvironmentReadsEveryVariableOfAContinuedEnvInstruction() =>
        Assert.Equal(
            ["NVIDIA_DRIVER_CAPABILITIES", "LD_LIBRARY_PATH", "Inference__TensorRtEngineCacheFolder", "ActionNet__Accelerator"],
            DeploymentFiles.ImageEnvironment(RepositoryRoot.Read("deploy", "docker", "jetson.Dockerfile")));

    [Theory]
    [InlineData("ActionNet__GatewayPort")]
    [InlineData("ActionNet__HttpPort")]
    [InlineData("ActionNet__Drain__TimeoutSeconds")]
    [InlineData("ActionNet__History__JournalPath")]
    [InlineData("ActionNet__Profiles__{{ $name }}__Accelerators__{{ $i }}")]
    [InlineData("ActionNet__Profiles__hmdb5-2d__MaxWaitMs")]
    [InlineData("Inference__Providers__0")]
    [InlineData("Inference__TensorRtEngineCacheFolder")]
    [InlineData("ActionNet__Ingest__QueueCapacity")]
    [InlineData("ConnectionStrings__Storage")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT")]
    public void TheSiloSurfaceHoldsItsOptionsProfilesAndConnectionString(string name) =>
        Assert.True(HostSettings.Silo.ReadsVariable(name), $"{name} should be a silo setting");

    [Theory]
    [InlineData("ActionNet__GatewayPorts")]
    [InlineData("ActionNet__Profiles__demo__ModelPath")]
    [InlineData("Inference__Provider__0")]
    [InlineData("ConnectionStrings__Blob")]
    [InlineData("ActionNet__Profiles__demo__Name")]
    [InlineData("ActionNet__Drain__Seconds")]
    [InlineData("ASPNETCORE_HTTP_PORTS")]
    public void NamesTheSiloDoesNotReadAreRejected(string name) =>
        Assert.False(HostSettings.Silo.ReadsVariable(name), $"{name} is not a silo setting");

    [Theory]
    [InlineData("ConnectionStrings__Storage")]
    [InlineData("ActionNet__Api__Clustering")]
    [InlineData("ActionNet__Api__ClusterId")]
    [InlineData("ActionNet__Api__Burst")]
    [InlineData("ActionNet__Api__CorsOrigins__{{ $i }}")]
    [InlineData("ActionNet__Api__Oidc__Authority")]
    [InlineData("ActionNet__Api__Oidc__RoleClaim")]
    [InlineData("OTEL_SERVICE_NAME")]
    public void TheApiSurfaceHoldsItsOptionsOidcAndConnectionString(string name) =>
        Assert.True(HostSettings.Api.ReadsVariable(name), $"{name} should be an API host setting");

    [Theory]
    [InlineData("ActionNet__Api__Gateway")]
    [InlineData("ActionNet__Api__Oidc__Issuer")]
    [InlineData("ActionNet__Api__RateLimit")]
    [InlineData("ActionNet__Accelerator")]
    [InlineData("Inference__Providers__0")]
    public void NamesTheApiDoesNotReadAreRejected(string name) =>
        Assert.False(HostSettings.Api.ReadsVariable(name), $"{name} is not an API host setting");

    [Fact]
    public void TheDeploymentsSetWhatAKubernetesSiloAndApiNeed()
    {
        var silo = DeploymentFiles.SettingNames(RepositoryRoot.Read("helm/actionnet/templates/silo-deployment.yaml")).ToHashSet();
        var api = DeploymentFiles.SettingNames(RepositoryRoot.Read("helm/actionnet/templates/api-deployment.yaml")).ToHashSet();

        string[] siloNeeds =
        [
            "ConnectionStrings__Storage", "ActionNet__Clustering", "ActionNet__ClusterId", "ActionNet__ServiceId",
            "ActionNet__SiloName", "ActionNet__AdvertisedAddress", "ActionNet__SiloPort", "ActionNet__GatewayPort",
            "ActionNet__HttpPort", "ActionNet__Accelerator", "Inference__Providers__{{ $i }}", "ActionNet__Profiles__{{ $name }}__Model",
            "ActionNet__KubernetesHosting", "ActionNet__Drain__TimeoutSeconds", "ActionNet__History__JournalPath",
        ];
        string[] apiNeeds = ["ConnectionStrings__Storage", "ActionNet__Api__Clustering", "ActionNet__Api__ClusterId", "ActionNet__Api__ServiceId"];
        Assert.Empty(siloNeeds.Except(silo));
        Assert.Empty(apiNeeds.Except(api));
    }

    [Fact]
    public void CliVariablesInTheChartAndImagesAreOnesTheCliReads()
    {
        var named = DeploymentFiles.All.SelectMany(f => DeploymentFiles.CliVariables(RepositoryRoot.Read(f))).Distinct().ToArray();

        var unread = named.Where(v => !OtherReaders.CliReads(v)).ToArray();

        Assert.Contains("ACTIONNET_GATEWAYS", named);
        Assert.True(unread.Length == 0, $"the CLI does not read {string.Join(", ", unread)}");
    }

    [Fact]
    public void OrleansKubernetesVariablesInTheChartAndImagesAreOnesOrleansReads()
    {
        var named = DeploymentFiles.All.SelectMany(f => DeploymentFiles.OrleansKubernetesVariables(RepositoryRoot.Read(f))).Distinct().ToArray();

        Assert.Superset(OtherReaders.OrleansKubernetes.ToHashSet(StringComparer.Ordinal), named.ToHashSet(StringComparer.Ordinal));
        Assert.Contains("POD_NAME", named);
        Assert.Equal(OtherReaders.OrleansKubernetes.Order(StringComparer.Ordinal), named.Order(StringComparer.Ordinal));
    }
}
