using ActionNet.Silo.Hosting;
using YamlDotNet.RepresentationModel;

namespace ActionNet.Deploy.Tests;

public class ChartStructureTests
{
    private const string EngineCacheSetting = "Inference__TensorRtEngineCacheFolder";

    public static TheoryData<string> YamlFiles => [.. DeploymentFiles.ChartYaml];

    private static YamlMappingNode Deployment => ChartTemplate.Single("Deployment");

    private static YamlMappingNode Silo => (YamlMappingNode)Deployment.Items("spec.template.spec.containers").Single(c => c.Scalar("name") == "silo");

    private static YamlMappingNode Env(string name) =>
        Silo.Items("env").SingleOrDefault(e => e.Scalar("name") == name) as YamlMappingNode
        ?? throw new InvalidOperationException($"the silo container does not set {name}");

    [Theory]
    [MemberData(nameof(YamlFiles))]
    public void EveryChartYamlFileParses(string file) => Assert.NotEmpty(ChartTemplate.Load(file));

    [Fact]
    public void ChartIsAHelm3ApplicationNamedAfterItsFolder()
    {
        Assert.Equal("v2", ChartValues.Chart.Scalar("apiVersion"));
        Assert.Equal("actionnet", ChartValues.Chart.Scalar("name"));
        Assert.Matches(@"^\d+\.\d+\.\d+$", ChartValues.Chart.Scalar("version"));
    }

    [Fact]
    public void TheGatewayPortIsOneValueForTheContainerItsSettingTheServiceAndTheProbes()
    {
        var ports = Silo.Items("ports").ToDictionary(p => p.Scalar("name")!, p => p.Scalar("containerPort"));
        Assert.Equal("tpl($.Values.ports.gateway)", ports["gateway"]);
        Assert.Equal("tpl($.Values.ports.silo)", ports["silo"]);
        Assert.Equal("tpl($.Values.ports.gateway | quote)", Env("ActionNet__GatewayPort").Scalar("value"));
        Assert.Equal("tpl($.Values.ports.silo | quote)", Env("ActionNet__SiloPort").Scalar("value"));

        foreach (var probe in new[] { "startupProbe", "readinessProbe", "livenessProbe" })
        {
            Assert.Equal("gateway", Silo.Scalar($"{probe}.tcpSocket.port"));
        }

        var service = ChartTemplate.Single("Service");
        var servicePort = service.Items("spec.ports").Single();
        Assert.Equal("tpl(.Values.ports.gateway)", servicePort.Scalar("port"));
        Assert.Equal("gateway", servicePort.Scalar("targetPort"));
    }

    [Fact]
    public void DefaultPortsAreTheSilosDefaults()
    {
        var defaults = new SiloOptions();
        Assert.Equal(defaults.GatewayPort, ChartValues.Integer("ports.gateway"));
        Assert.Equal(defaults.SiloPort, ChartValues.Integer("ports.silo"));
    }

    [Fact]
    public void SilosUseTableClusteringAndTakeTheirAddressAndNameFromThePod()
    {
        Assert.True(Enum.TryParse<ClusteringMode>(Env("ActionNet__Clustering").Scalar("value"), out var mode));
        Assert.Equal(ClusteringMode.AzureTable, mode);
        Assert.Equal("status.podIP", Env("ActionNet__AdvertisedAddress").Scalar("valueFrom.fieldRef.fieldPath"));
        Assert.Equal("metadata.name", Env("ActionNet__SiloName").Scalar("valueFrom.fieldRef.fieldPath"));
        Assert.Equal("tpl($spec.accelerator | quote)", Env("ActionNet__Accelerator").Scalar("value"));
    }

    [Fact]
    public void TheStorageConnectionComesFromTheSecretTheChartNames()
    {
        var reference = Env("ConnectionStrings__Storage").Map("valueFrom.secretKeyRef");
        Assert.Equal("tpl(include actionnet.secretName $)", reference.Scalar("name"));
        Assert.Equal("tpl($.Values.storage.secretKey)", reference.Scalar("key"));

        var secret = ChartTemplate.Single("Secret");
        Assert.Equal("tpl(include actionnet.secretName .)", secret.Scalar("metadata.name"));
        Assert.Contains("tpl(.Values.storage.secretKey)", secret.Map("stringData").Keys());
    }

    [Fact]
    public void ModelsAreMountedReadOnlyAndEveryProfileModelIsInside()
    {
        var models = Silo.Items("volumeMounts").Single(m => m.Scalar("name") == "models");
        Assert.Equal("true", models.Scalar("readOnly"));
        var mountPath = models.Scalar("mountPath")!;
        Assert.Contains(Deployment.Items("spec.template.spec.volumes"), v => v.Scalar("name") == "models");

        Assert.NotEmpty(ChartValues.Profiles);
        Assert.All(ChartValues.Profiles, p => Assert.StartsWith($"{mountPath}/", p.Spec.Scalar("model")));
    }

    [Fact]
    public void TheEngineCacheSettingPointsAtItsVolumeInTheChartAndTheImage()
    {
        var folder = Env(EngineCacheSetting).Scalar("value");
        Assert.Contains(Silo.Items("volumeMounts"), m => m.Scalar("name") == "tensorrt-engines" && m.Scalar("mountPath") == folder);
        Assert.Contains($"{EngineCacheSetting}={folder}", RepositoryRoot.Read("deploy/docker/silo.Dockerfile"), StringComparison.Ordinal);
    }

    [Fact]
    public void PodDisruptionBudgetsSelectTheirPoolsPods()
    {
        // Neutralized, the selectors keep what the template writes beside the shared selector labels: the pool.
        var deployment = Labels(Deployment.Map("spec.selector.matchLabels"));
        Assert.Equal(["actionnet.io/pool"], deployment.Keys);
        Assert.Equal(deployment, Labels(Deployment.Map("spec.template.metadata.labels")));
        Assert.Equal(deployment, Labels(ChartTemplate.Single("PodDisruptionBudget").Map("spec.selector.matchLabels")));
    }

    private static Dictionary<string, string> Labels(YamlMappingNode map) =>
        map.Children.ToDictionary(p => p.Key.ToString(), p => p.Value.ToString());
}
