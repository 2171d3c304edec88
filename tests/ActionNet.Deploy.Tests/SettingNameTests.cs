namespace ActionNet.Deploy.Tests;

public class SettingNameTests
{
    public static TheoryData<string> Files => [.. DeploymentFiles.All];

    [Theory]
    [MemberData(nameof(Files))]
    public void EverySiloSettingNamedInTheChartAndImagesIsOneTheSiloReads(string file)
    {
        var unknown = DeploymentFiles.SettingNames(RepositoryRoot.Read(file))
            .Where(name => !SiloSettings.IsKnown(SettingName.FromEnvironment(name)))
            .Distinct()
            .ToArray();

        Assert.True(unknown.Length == 0, $"{file} sets settings the silo does not read: {string.Join(", ", unknown)}");
    }

    [Theory]
    [InlineData("ActionNet__GatewayPort")]
    [InlineData("ActionNet__HttpPort")]
    [InlineData("ActionNet__Profiles__{{ $name }}__Accelerators__{{ $i }}")]
    [InlineData("ActionNet__Profiles__hmdb5-2d__MaxWaitMs")]
    [InlineData("Inference__Providers__0")]
    [InlineData("Inference__TensorRtEngineCacheFolder")]
    [InlineData("ActionNet__Ingest__QueueCapacity")]
    [InlineData("ConnectionStrings__Storage")]
    public void TheSiloSurfaceHoldsItsOptionsProfilesAndConnectionString(string name) =>
        Assert.True(SiloSettings.IsKnown(SettingName.FromEnvironment(name)), $"{name} should be a silo setting");

    [Theory]
    [InlineData("ActionNet__GatewayPorts")]
    [InlineData("ActionNet__Profiles__demo__ModelPath")]
    [InlineData("Inference__Provider__0")]
    [InlineData("ConnectionStrings__Blob")]
    [InlineData("ActionNet__Profiles__demo__Name")]
    public void NamesTheSiloDoesNotReadAreRejected(string name) =>
        Assert.False(SiloSettings.IsKnown(SettingName.FromEnvironment(name)), $"{name} is not a silo setting");

    [Fact]
    public void TheDeploymentSetsWhatAKubernetesSiloNeeds()
    {
        var names = DeploymentFiles.SettingNames(RepositoryRoot.Read("helm/actionnet/templates/silo-deployment.yaml")).ToHashSet();

        string[] required =
        [
            "ConnectionStrings__Storage", "ActionNet__Clustering", "ActionNet__ClusterId", "ActionNet__ServiceId",
            "ActionNet__SiloName", "ActionNet__AdvertisedAddress", "ActionNet__SiloPort", "ActionNet__GatewayPort",
            "ActionNet__Accelerator", "Inference__Providers__{{ $i }}", "ActionNet__Profiles__{{ $name }}__Model",
            "ActionNet__KubernetesHosting",
        ];
        Assert.Empty(required.Except(names));
    }

    [Fact]
    public void CliVariablesInTheChartAndImagesAreOnesTheCliReads()
    {
        var cliSource = string.Concat(Directory.EnumerateFiles(RepositoryRoot.PathOf("client", "ActionNet.Cli"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));
        var named = DeploymentFiles.All.SelectMany(f => DeploymentFiles.CliVariables(RepositoryRoot.Read(f))).Distinct().ToArray();

        var unread = named.Where(v => !cliSource.Contains($"\"{v}\"", StringComparison.Ordinal)).ToArray();

        Assert.Contains("ACTIONNET_GATEWAYS", named);
        Assert.True(unread.Length == 0, $"the CLI does not read {string.Join(", ", unread)}");
    }

    [Fact]
    public void OrleansKubernetesVariablesInTheChartAndImagesAreOnesOrleansReads()
    {
        var read = typeof(Orleans.Hosting.Kubernetes.KubernetesHostingOptions).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name.EndsWith("EnvironmentVariable", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToHashSet(StringComparer.Ordinal);
        var named = DeploymentFiles.All.SelectMany(f => DeploymentFiles.OrleansKubernetesVariables(RepositoryRoot.Read(f))).Distinct().ToArray();

        Assert.Superset(read, named.ToHashSet(StringComparer.Ordinal));
        Assert.Contains("POD_NAME", named);
        Assert.Equal(read.Order(StringComparer.Ordinal), named.Order(StringComparer.Ordinal));
    }
}
