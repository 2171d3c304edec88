using ActionNet.Deploy.Tests.Keda;
using k8s.Models;
using Orleans.Hosting.Kubernetes;

namespace ActionNet.Deploy.Tests;

/// <summary>The chart rendered for each value set a user would use, every manifest checked against the Kubernetes API types and yamllint.</summary>
public class RenderedChartTests
{
    private static readonly string[] ValueSetFiles =
        [.. Directory.EnumerateFiles(RenderedChart.ValueSetPath("")).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> ValueSets => [.. ValueSetFiles];

    [Theory]
    [MemberData(nameof(ValueSets))]
    public void EveryValueSetRendersManifestsThatParseStrictlyAsKubernetesTypesAndPassYamllint(string valueSet)
    {
        var chart = RenderedChart.Render([valueSet]);

        Assert.Contains(chart.Manifests, m => m.Object is V1Deployment);
        Assert.All(chart.Manifests, m => Assert.StartsWith("demo-actionnet", m.Name, StringComparison.Ordinal));
        var lint = YamlLint.Problems(chart.Text);
        Assert.True(lint.Length == 0, $"yamllint on the chart rendered with {valueSet}: {lint}");
    }

    [Fact]
    public void TheValueSetsCoverWhatUsersDeploy() =>
        Assert.Superset(
            new HashSet<string>(["defaults-models-claim.yaml", "t4-only.yaml", "t4-jetson-cpu.yaml", "existing-secret.yaml", "hostpath-models.yaml", "autoscaling-keda.yaml", "autoscaling-hpa.yaml", "autoscaling-off.yaml"]),
            ValueSetFiles.ToHashSet());

    [Fact]
    public void ByDefaultOnlyTheT4PoolRunsItRequestsAGpuOnT4NodesAndTheProfileIsGpuOnly()
    {
        var chart = RenderedChart.Render(["defaults-models-claim.yaml"]);

        var deployment = Assert.Single(chart.All<V1Deployment>());
        Assert.Equal("demo-actionnet-t4", deployment.Metadata.Name);
        var pod = deployment.Spec.Template.Spec;
        var silo = Assert.Single(pod.Containers);
        Assert.Equal("1", silo.Resources.Limits["nvidia.com/gpu"].ToString());
        Assert.Equal("1", silo.Resources.Requests["nvidia.com/gpu"].ToString());
        Assert.Equal("Tesla-T4", pod.NodeSelector["nvidia.com/gpu.product"]);
        Assert.Contains(pod.Tolerations, t => t.Key == "nvidia.com/gpu" && t.Effect == "NoSchedule");
        Assert.Equal("t4", Env(silo, "ActionNet__Accelerator"));
        var accelerators = silo.Env.Where(e => e.Name.StartsWith("ActionNet__Profiles__hmdb5-2d__Accelerators__", StringComparison.Ordinal)).Select(e => e.Value).ToArray();
        Assert.NotEmpty(accelerators);
        Assert.DoesNotContain("cpu", accelerators);
        Assert.Equal(["TensorRt", "Cuda", "Cpu"], silo.Env.Where(e => e.Name.StartsWith("Inference__Providers__", StringComparison.Ordinal)).Select(e => e.Value));
        Assert.Equal("actionnet-models", pod.Volumes.Single(v => v.Name == "models").PersistentVolumeClaim.ClaimName);
        var secret = Assert.Single(chart.All<V1Secret>());
        Assert.Equal(secret.Metadata.Name, silo.Env.Single(e => e.Name == "ConnectionStrings__Storage").ValueFrom.SecretKeyRef.Name);
        Assert.Empty(chart.All<ScaledObject>());
        Assert.Empty(chart.All<V2HorizontalPodAutoscaler>());
    }

    [Fact]
    public void T4OnlyRunsThreeT4SilosAndNoOtherPool()
    {
        var chart = RenderedChart.Render(["t4-only.yaml"]);

        var deployment = Assert.Single(chart.All<V1Deployment>());
        Assert.Equal(3, deployment.Spec.Replicas);
        // Values merge like Helm's: the profile map merges (its model stays), its accelerators list is replaced.
        var silo = deployment.Spec.Template.Spec.Containers[0];
        Assert.Equal(["t4"], silo.Env.Where(e => e.Name.StartsWith("ActionNet__Profiles__hmdb5-2d__Accelerators__", StringComparison.Ordinal)).Select(e => e.Value));
        Assert.Equal(ChartValues.Values.Scalar("profiles.hmdb5-2d.model"), Env(silo, "ActionNet__Profiles__hmdb5-2d__Model"));
        Assert.Equal("demo-actionnet-t4", Assert.Single(chart.All<V1PodDisruptionBudget>()).Metadata.Name);
        Assert.Empty(chart.All<V1Secret>());
    }

    [Fact]
    public void EveryPoolSpreadsAcrossNodesHasABudgetDrainsBeforeStoppingAndRunsNonRootReadOnly()
    {
        var chart = RenderedChart.Render(["t4-jetson-cpu.yaml"]);
        var values = ChartValues.Values;
        var wait = ChartValues.Integer("drain.waitSeconds");

        var deployments = chart.All<V1Deployment>().ToDictionary(d => d.Metadata.Labels["actionnet.io/pool"]);
        Assert.Equal(["cpu", "jetson", "t4"], deployments.Keys.Order(StringComparer.Ordinal));
        foreach (var (pool, deployment) in deployments)
        {
            var pod = deployment.Spec.Template.Spec;
            var silo = Assert.Single(pod.Containers);
            var spread = Assert.Single(pod.TopologySpreadConstraints);
            Assert.Equal("kubernetes.io/hostname", spread.TopologyKey);
            Assert.Equal(deployment.Spec.Selector.MatchLabels, spread.LabelSelector.MatchLabels);

            var budget = chart.Named<V1PodDisruptionBudget>(deployment.Metadata.Name);
            Assert.Equal(deployment.Spec.Selector.MatchLabels, budget.Spec.Selector.MatchLabels);

            var preStop = string.Join(' ', silo.Lifecycle.PreStop.Exec.Command);
            Assert.Contains($"/app/cli/actionnet cluster drain \"$(cat /etc/hostname)\" --wait {wait}", preStop, StringComparison.Ordinal);
            Assert.True(pod.TerminationGracePeriodSeconds > wait, $"pools.{pool}: terminationGracePeriodSeconds {pod.TerminationGracePeriodSeconds} is not longer than the {wait} s drain");
            Assert.Equal($"127.0.0.1:{values.Scalar("ports.gateway")}", Env(silo, "ACTIONNET_GATEWAYS"));

            Assert.True(pod.SecurityContext.RunAsNonRoot);
            Assert.Equal(10001, pod.SecurityContext.RunAsUser);
            Assert.True(silo.SecurityContext.ReadOnlyRootFilesystem);
            Assert.False(silo.SecurityContext.AllowPrivilegeEscalation);
            Assert.Equal(["ALL"], silo.SecurityContext.Capabilities.Drop);
            var writable = silo.VolumeMounts.Where(m => m.ReadOnlyProperty != true).Select(m => m.MountPath).ToHashSet();
            Assert.Superset(new HashSet<string> { "/tmp", Env(silo, "Inference__TensorRtEngineCacheFolder") }, writable);
            Assert.NotNull(silo.Resources.Requests["memory"]);
            Assert.NotNull(silo.Resources.Limits["memory"]);
        }

        Assert.Equal("arm64", deployments["jetson"].Spec.Template.Spec.NodeSelector["kubernetes.io/arch"]);
        Assert.Equal("registry.example.com/actionnet-silo-jetson:0.1.0", deployments["jetson"].Spec.Template.Spec.Containers[0].Image);
        Assert.Equal("actionnet-silo:0.1.0", deployments["t4"].Spec.Template.Spec.Containers[0].Image);
        Assert.False(deployments["cpu"].Spec.Template.Spec.Containers[0].Resources.Limits.ContainsKey("nvidia.com/gpu"));
        Assert.Equal("cpu", Env(deployments["cpu"].Spec.Template.Spec.Containers[0], "ActionNet__Profiles__hmdb5-dev__Accelerators__0"));
    }

    [Fact]
    public void OrleansKubernetesHostingGetsItsLabelsPodEnvironmentAndARoleOnPods()
    {
        var chart = RenderedChart.Render(["defaults-models-claim.yaml"]);
        var deployment = Assert.Single(chart.All<V1Deployment>());
        var pod = deployment.Spec.Template;
        var silo = Assert.Single(pod.Spec.Containers);

        Assert.Equal(ChartValues.Values.Scalar("cluster.serviceId"), pod.Metadata.Labels[KubernetesHostingOptions.ServiceIdLabel]);
        Assert.Equal(ChartValues.Values.Scalar("cluster.clusterId"), pod.Metadata.Labels[KubernetesHostingOptions.ClusterIdLabel]);
        Assert.Equal("metadata.name", silo.Env.Single(e => e.Name == KubernetesHostingOptions.PodNameEnvironmentVariable).ValueFrom.FieldRef.FieldPath);
        Assert.Equal("metadata.namespace", silo.Env.Single(e => e.Name == KubernetesHostingOptions.PodNamespaceEnvironmentVariable).ValueFrom.FieldRef.FieldPath);
        Assert.Equal("status.podIP", silo.Env.Single(e => e.Name == KubernetesHostingOptions.PodIPEnvironmentVariable).ValueFrom.FieldRef.FieldPath);
        Assert.Equal(ChartValues.Values.Scalar("cluster.clusterId"), Env(silo, KubernetesHostingOptions.ClusterIdEnvironmentVariable));
        Assert.Equal(ChartValues.Values.Scalar("cluster.serviceId"), Env(silo, KubernetesHostingOptions.ServiceIdEnvironmentVariable));
        Assert.Equal("true", Env(silo, "ActionNet__KubernetesHosting"));
        Assert.Equal("AzureTable", Env(silo, "ActionNet__Clustering"));
        Assert.True(pod.Spec.AutomountServiceAccountToken);

        var account = Assert.Single(chart.All<V1ServiceAccount>());
        Assert.Equal(account.Metadata.Name, pod.Spec.ServiceAccountName);
        var role = Assert.Single(chart.All<V1Role>());
        var rule = Assert.Single(role.Rules);
        Assert.Equal(["pods"], rule.Resources);
        Assert.Equal(["delete", "get", "list", "patch", "watch"], rule.Verbs.Order(StringComparer.Ordinal));
        var binding = Assert.Single(chart.All<V1RoleBinding>());
        Assert.Equal(role.Metadata.Name, binding.RoleRef.Name);
        var subject = Assert.Single(binding.Subjects);
        Assert.Equal((account.Metadata.Name, "video"), (subject.Name, subject.NamespaceProperty));
    }

    [Fact]
    public void SetTypesBooleansAndNumbersLikeHelmAndTurnsKubernetesHostingOff()
    {
        var chart = RenderedChart.Render(["defaults-models-claim.yaml"], "kubernetesHosting.enabled=false,pools.t4.replicas=5", "pools.t4.tolerations=null");

        var deployment = Assert.Single(chart.All<V1Deployment>());
        Assert.Equal(5, deployment.Spec.Replicas);
        Assert.Null(deployment.Spec.Template.Spec.Tolerations);
        Assert.False(deployment.Spec.Template.Spec.AutomountServiceAccountToken);
        Assert.Equal("false", Env(deployment.Spec.Template.Spec.Containers[0], "ActionNet__KubernetesHosting"));
        Assert.DoesNotContain(deployment.Spec.Template.Spec.Containers[0].Env, e => e.Name == KubernetesHostingOptions.PodNameEnvironmentVariable);
        Assert.False(deployment.Spec.Template.Metadata.Labels.ContainsKey(KubernetesHostingOptions.ServiceIdLabel));
        Assert.Empty(chart.All<V1Role>());
    }

    [Fact]
    public void AnExistingSecretIsReferencedAndNoneIsCreated()
    {
        var chart = RenderedChart.Render(["existing-secret.yaml"]);

        Assert.Empty(chart.All<V1Secret>());
        var reference = Assert.Single(chart.All<V1Deployment>()).Spec.Template.Spec.Containers[0].Env.Single(e => e.Name == "ConnectionStrings__Storage").ValueFrom.SecretKeyRef;
        Assert.Equal(("my-storage", "conn"), (reference.Name, reference.Key));
    }

    [Fact]
    public void HostPathModelsAndEngineCacheAreNodeFolders()
    {
        var volumes = Assert.Single(RenderedChart.Render(["hostpath-models.yaml"]).All<V1Deployment>()).Spec.Template.Spec.Volumes.ToDictionary(v => v.Name);

        Assert.Equal(("/srv/actionnet/models", "Directory"), (volumes["models"].HostPath.Path, volumes["models"].HostPath.Type));
        Assert.Null(volumes["models"].PersistentVolumeClaim);
        Assert.Equal("/var/cache/actionnet-engines", volumes["tensorrt-engines"].HostPath.Path);
        Assert.NotNull(volumes["tmp"].EmptyDir);
    }

    [Fact]
    public void KedaScalesEachGpuPoolOnDemandOverCapacityBetweenItsMinimumAndMaximum()
    {
        var chart = RenderedChart.Render(["autoscaling-keda.yaml"]);
        var metric = ChartValues.Values.Scalar("autoscaling.metric");
        Assert.Equal("actionnet_cluster_demand_ratio", metric);

        var scaled = chart.All<ScaledObject>().ToDictionary(s => s.Metadata.Labels["actionnet.io/pool"]);
        Assert.Equal(["jetson", "t4"], scaled.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((2, 8), (scaled["t4"].Spec.MinReplicaCount, scaled["t4"].Spec.MaxReplicaCount));
        foreach (var (pool, scaledObject) in scaled)
        {
            var deployment = chart.Named<V1Deployment>(scaledObject.Spec.ScaleTargetRef.Name);
            Assert.Null(deployment.Spec.Replicas);
            var trigger = Assert.Single(scaledObject.Spec.Triggers);
            Assert.Equal(("prometheus", "Value"), (trigger.Type, trigger.MetricType));
            Assert.Equal($"max({metric}{{pool=\"{pool}\"}})", trigger.Metadata["query"]);
            Assert.Equal(ChartValues.Values.Scalar("autoscaling.targetRatio"), trigger.Metadata["threshold"]);
            var scaleDown = scaledObject.Spec.Advanced!.HorizontalPodAutoscalerConfig!.Behavior!.ScaleDown;
            Assert.Equal(1, Assert.Single(scaleDown.Policies).Value);
        }

        Assert.Empty(chart.All<V2HorizontalPodAutoscaler>());
    }

    [Fact]
    public void TheHpaAlternativeScalesTheT4PoolOnTheExternalMetric()
    {
        var chart = RenderedChart.Render(["autoscaling-hpa.yaml"]);

        var hpa = Assert.Single(chart.All<V2HorizontalPodAutoscaler>());
        Assert.Equal("demo-actionnet-t4", hpa.Spec.ScaleTargetRef.Name);
        Assert.Equal((1, 4), (hpa.Spec.MinReplicas, hpa.Spec.MaxReplicas));
        var external = Assert.Single(hpa.Spec.Metrics).External;
        Assert.Equal(ChartValues.Values.Scalar("autoscaling.metric"), external.Metric.Name);
        Assert.Equal("t4", external.Metric.Selector.MatchLabels["pool"]);
        Assert.Equal("Value", external.Target.Type);
        Assert.Null(chart.Named<V1Deployment>("demo-actionnet-t4").Spec.Replicas);
        Assert.Empty(chart.All<ScaledObject>());
    }

    [Fact]
    public void WithAutoscalingOffPoolsKeepTheirReplicasAndNothingScalesThem()
    {
        var chart = RenderedChart.Render(["autoscaling-off.yaml"]);

        Assert.Equal(2, chart.Named<V1Deployment>("demo-actionnet-t4").Spec.Replicas);
        Assert.Equal(1, chart.Named<V1Deployment>("demo-actionnet-jetson").Spec.Replicas);
        Assert.Empty(chart.All<ScaledObject>());
        Assert.Empty(chart.All<V2HorizontalPodAutoscaler>());
    }

    [Fact]
    public void OnlySilosAndGatewayClientsReachTheSiloAndGatewayPorts()
    {
        var chart = RenderedChart.Render(["t4-jetson-cpu.yaml"]);
        var policy = Assert.Single(chart.All<V1NetworkPolicy>());
        var silos = chart.All<V1Deployment>().Select(d => d.Spec.Template.Metadata.Labels).ToArray();

        Assert.All(silos, labels => Assert.All(policy.Spec.PodSelector.MatchLabels, l => Assert.Equal(l.Value, labels[l.Key])));
        Assert.Equal(["Ingress"], policy.Spec.PolicyTypes);
        var siloRule = policy.Spec.Ingress.Single(r => r.Ports.Any(p => p.Port?.Value == "silo"));
        Assert.Equal(policy.Spec.PodSelector.MatchLabels, Assert.Single(siloRule.FromProperty).PodSelector.MatchLabels);
        var gatewayOnly = policy.Spec.Ingress.Single(r => r.Ports.All(p => p.Port?.Value == "gateway"));
        Assert.Equal("api", Assert.Single(gatewayOnly.FromProperty).PodSelector.MatchLabels["app.kubernetes.io/component"]);
        Assert.All(policy.Spec.Ingress.SelectMany(r => r.FromProperty), peer => Assert.Null(peer.IpBlock));
    }

    private static string Env(V1Container container, string name) =>
        container.Env.SingleOrDefault(e => e.Name == name)?.Value ?? throw new InvalidOperationException($"the {container.Name} container sets no {name}");
}
