using ActionNet.Silo.Hosting;
using k8s.Models;

namespace ActionNet.Deploy.Tests;

/// <summary>The chart's structure, checked on what it renders: ports, settings, secrets, volumes and budgets refer to one another.</summary>
public class ChartStructureTests
{
    private const string EngineCacheSetting = "Inference__TensorRtEngineCacheFolder";

    private static readonly RenderedChart Defaults = RenderedChart.Render(["defaults-models-claim.yaml"]);

    private static V1Deployment Deployment => Assert.Single(Defaults.All<V1Deployment>());

    private static V1Container Silo => Deployment.Spec.Template.Spec.Containers.Single(c => c.Name == "silo");

    private static V1EnvVar Env(V1Container container, string name) =>
        container.Env.SingleOrDefault(e => e.Name == name) ?? throw new InvalidOperationException($"the silo container does not set {name}");

    [Fact]
    public void ChartIsAHelm3ApplicationNamedAfterItsFolder()
    {
        Assert.Equal("v2", ChartValues.Chart.Scalar("apiVersion"));
        Assert.Equal("actionnet", ChartValues.Chart.Scalar("name"));
        Assert.Matches(@"^\d+\.\d+\.\d+$", ChartValues.Chart.Scalar("version"));
    }

    [Fact]
    public void TheGatewayPortIsOneValueForTheContainerItsSettingTheServiceTheProbesAndTheDrain()
    {
        var chart = RenderedChart.Render(["defaults-models-claim.yaml"], "ports.gateway=31000,ports.silo=12000");
        var silo = Assert.Single(chart.All<V1Deployment>()).Spec.Template.Spec.Containers.Single(c => c.Name == "silo");

        var ports = silo.Ports.ToDictionary(p => p.Name, p => p.ContainerPort);
        Assert.Equal(31000, ports["gateway"]);
        Assert.Equal(12000, ports["silo"]);
        Assert.Equal("31000", Env(silo, "ActionNet__GatewayPort").Value);
        Assert.Equal("12000", Env(silo, "ActionNet__SiloPort").Value);
        Assert.Equal("127.0.0.1:31000", Env(silo, "ACTIONNET_GATEWAYS").Value);
        foreach (var probe in new[] { silo.StartupProbe, silo.ReadinessProbe, silo.LivenessProbe })
        {
            Assert.Equal("gateway", probe.TcpSocket.Port.Value);
        }

        var servicePort = Assert.Single(Assert.Single(chart.All<V1Service>()).Spec.Ports);
        Assert.Equal((31000, "gateway"), (servicePort.Port, servicePort.TargetPort.Value));
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
        Assert.True(Enum.TryParse<ClusteringMode>(Env(Silo, "ActionNet__Clustering").Value, out var mode));
        Assert.Equal(ClusteringMode.AzureTable, mode);
        Assert.Equal("status.podIP", Env(Silo, "ActionNet__AdvertisedAddress").ValueFrom.FieldRef.FieldPath);
        Assert.Equal("metadata.name", Env(Silo, "ActionNet__SiloName").ValueFrom.FieldRef.FieldPath);
        Assert.Equal("t4", Env(Silo, "ActionNet__Accelerator").Value);
    }

    [Fact]
    public void TheStorageConnectionComesFromTheSecretTheChartCreates()
    {
        var reference = Env(Silo, "ConnectionStrings__Storage").ValueFrom.SecretKeyRef;
        var secret = Assert.Single(Defaults.All<V1Secret>());

        Assert.Equal(secret.Metadata.Name, reference.Name);
        Assert.Equal([reference.Key], secret.StringData.Keys);
        Assert.Equal(ChartValues.Values.Scalar("storage.secretKey"), reference.Key);
    }

    [Fact]
    public void ModelsAreMountedReadOnlyAndEveryProfileModelIsInside()
    {
        var models = Silo.VolumeMounts.Single(m => m.Name == "models");
        Assert.True(models.ReadOnlyProperty);
        Assert.True(Deployment.Spec.Template.Spec.Volumes.Single(v => v.Name == "models").PersistentVolumeClaim.ReadOnlyProperty);

        var profileModels = Silo.Env.Where(e => e.Name.StartsWith("ActionNet__Profiles__", StringComparison.Ordinal) && e.Name.EndsWith("__Model", StringComparison.Ordinal)).ToArray();
        Assert.Equal(ChartValues.Profiles.Count(), profileModels.Length);
        Assert.All(profileModels, p => Assert.StartsWith($"{models.MountPath}/", p.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void TheEngineCacheSettingPointsAtItsVolumeInTheChartAndTheImages()
    {
        var folder = Env(Silo, EngineCacheSetting).Value;
        Assert.Contains(Silo.VolumeMounts, m => m.Name == "tensorrt-engines" && m.MountPath == folder);
        Assert.Contains($"{EngineCacheSetting}={folder}", RepositoryRoot.Read("deploy/docker/silo.Dockerfile"), StringComparison.Ordinal);
        Assert.Contains($"{EngineCacheSetting}={folder}", RepositoryRoot.Read("deploy/docker/jetson.Dockerfile"), StringComparison.Ordinal);
    }

    [Fact]
    public void PodDisruptionBudgetsSelectTheirPoolsPods()
    {
        var labels = Deployment.Spec.Selector.MatchLabels;
        Assert.Equal("t4", labels["actionnet.io/pool"]);
        Assert.All(labels, l => Assert.Equal(l.Value, Deployment.Spec.Template.Metadata.Labels[l.Key]));
        Assert.Equal(labels, Assert.Single(Defaults.All<V1PodDisruptionBudget>()).Spec.Selector.MatchLabels);
    }
}
