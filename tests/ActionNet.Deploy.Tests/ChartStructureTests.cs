using ActionNet.ServiceDefaults;
using ActionNet.Silo.Hosting;
using ActionNet.Storage;
using k8s.Models;

namespace ActionNet.Deploy.Tests;

/// <summary>The chart's structure, checked on what it renders: ports, settings, secrets, volumes and budgets refer to one another.</summary>
public class ChartStructureTests
{
    private const string EngineCacheSetting = "Inference__TensorRtEngineCacheFolder";

    private static readonly RenderedChart Defaults = RenderedChart.Render(["defaults-models-claim.yaml"]);

    private static V1Deployment Deployment => Defaults.Named<V1Deployment>("demo-actionnet-t4");

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
    public void EachPortIsOneValueForTheContainerItsSettingTheServicesTheProbesAndTheDrain()
    {
        var chart = RenderedChart.Render(["defaults-models-claim.yaml"], "ports.gateway=31000,ports.silo=12000,ports.http=9090");
        var silo = chart.Named<V1Deployment>("demo-actionnet-t4").Spec.Template.Spec.Containers.Single(c => c.Name == "silo");

        var ports = silo.Ports.ToDictionary(p => p.Name, p => p.ContainerPort);
        Assert.Equal((31000, 12000, 9090), (ports["gateway"], ports["silo"], ports["http"]));
        Assert.Equal("31000", Env(silo, "ActionNet__GatewayPort").Value);
        Assert.Equal("12000", Env(silo, "ActionNet__SiloPort").Value);
        Assert.Equal("9090", Env(silo, "ActionNet__HttpPort").Value);
        Assert.Equal("127.0.0.1:31000", Env(silo, "ACTIONNET_GATEWAYS").Value);

        // Liveness and start-up on /healthz, readiness on /readyz, all on the HTTP port.
        Assert.Equal(("/healthz", "http"), (silo.LivenessProbe.HttpGet.Path, silo.LivenessProbe.HttpGet.Port.Value));
        Assert.Equal(("/healthz", "http"), (silo.StartupProbe.HttpGet.Path, silo.StartupProbe.HttpGet.Port.Value));
        Assert.Equal(("/readyz", "http"), (silo.ReadinessProbe.HttpGet.Path, silo.ReadinessProbe.HttpGet.Port.Value));
        Assert.Equal(DefaultEndpointsWebApplicationExtensions.HealthPath, silo.LivenessProbe.HttpGet.Path);
        Assert.Equal(DefaultEndpointsWebApplicationExtensions.ReadyPath, silo.ReadinessProbe.HttpGet.Path);

        var gateway = Assert.Single(chart.Named<V1Service>("demo-actionnet-gateway").Spec.Ports);
        Assert.Equal((31000, "gateway"), (gateway.Port, gateway.TargetPort.Value));
        var metrics = chart.Named<V1Service>("demo-actionnet-silo-metrics");
        Assert.Equal("None", metrics.Spec.ClusterIP);
        Assert.Equal((9090, "http"), (Assert.Single(metrics.Spec.Ports).Port, Assert.Single(metrics.Spec.Ports).TargetPort.Value));
    }

    [Fact]
    public void DefaultPortsAreTheSilosDefaults()
    {
        var defaults = new SiloOptions();
        Assert.Equal(defaults.GatewayPort, ChartValues.Integer("ports.gateway"));
        Assert.Equal(defaults.SiloPort, ChartValues.Integer("ports.silo"));
        Assert.Equal(defaults.HttpPort, ChartValues.Integer("ports.http"));
    }

    [Fact]
    public void TheJournalIsAVolumeAtTheSilosJournalPathSizedForItsLimit()
    {
        var path = Env(Silo, "ActionNet__History__JournalPath").Value;
        var megabytes = ChartValues.Integer("history.journal.maxMegabytes");

        var mount = Silo.VolumeMounts.Single(m => m.MountPath == path);
        Assert.NotEqual(true, mount.ReadOnlyProperty);
        Assert.Equal($"{megabytes}", Env(Silo, "ActionNet__History__JournalMaxMegabytes").Value);
        Assert.Equal(new HistoryStorageOptions().JournalMaxMegabytes, megabytes);
        var volume = Deployment.Spec.Template.Spec.Volumes.Single(v => v.Name == mount.Name);
        Assert.True(volume.EmptyDir.SizeLimit.ToDecimal() > megabytes * 1024m * 1024m, $"sizeLimit {volume.EmptyDir.SizeLimit} leaves no room above {megabytes} MB");

        var onNode = Assert.Single(RenderedChart.Render(["defaults-models-claim.yaml"], "history.journal.hostPath=/var/lib/actionnet-journal").Silos);
        Assert.Equal("/var/lib/actionnet-journal", onNode.Spec.Template.Spec.Volumes.Single(v => v.Name == mount.Name).HostPath.Path);
    }

    [Fact]
    public void TheGracePeriodCoversThePreStopDrainTheSilosOwnDrainAndLeaving()
    {
        var (wait, timeout, shutdown) = (ChartValues.Integer("drain.waitSeconds"), ChartValues.Integer("drain.timeoutSeconds"), ChartValues.Integer("drain.shutdownSeconds"));

        Assert.Equal(wait + timeout + shutdown, Deployment.Spec.Template.Spec.TerminationGracePeriodSeconds);
        Assert.Equal($"{timeout}", Env(Silo, "ActionNet__Drain__TimeoutSeconds").Value);
        Assert.True(shutdown >= 30, "Orleans needs about 30 s to leave the cluster after the drain (the silo's ShutdownTimeout allows drain + 30 s)");
    }

    [Fact]
    public void ThePreStopCliJoinsTheReleasesClusterEvenWithIdsOtherThanTheDefaults()
    {
        var chart = RenderedChart.Render(["defaults-models-claim.yaml"], "cluster.clusterId=prod-eu,cluster.serviceId=video-eu");
        var silo = Assert.Single(chart.Silos).Spec.Template.Spec.Containers[0];

        Assert.Equal(("prod-eu", "video-eu"), (Env(silo, "ACTIONNET_CLUSTER_ID").Value, Env(silo, "ACTIONNET_SERVICE_ID").Value));
        Assert.Equal(("prod-eu", "video-eu"), (Env(silo, "ActionNet__ClusterId").Value, Env(silo, "ActionNet__ServiceId").Value));
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
        Assert.Equal(labels, Defaults.Named<V1PodDisruptionBudget>(Deployment.Metadata.Name).Spec.Selector.MatchLabels);
    }
}
