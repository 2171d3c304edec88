using ActionNet.Api.Hosting;
using ActionNet.Deploy.Tests.Monitoring;
using ActionNet.ServiceDefaults;
using k8s.Models;

namespace ActionNet.Deploy.Tests;

/// <summary>The API host's objects as rendered: its Deployment, Service and budget, the Ingress with TLS, and the ServiceMonitors.</summary>
public class ApiChartTests
{
    private static V1Container ApiContainer(RenderedChart chart) =>
        Assert.Single(chart.Named<V1Deployment>("demo-actionnet-api").Spec.Template.Spec.Containers);

    [Fact]
    public void TheApiRunsNonRootReadOnlyOnItsPortProbedOnHealthzAndReadyz()
    {
        var chart = RenderedChart.Render(["defaults-models-claim.yaml"]);
        var deployment = chart.Named<V1Deployment>("demo-actionnet-api");
        var pod = deployment.Spec.Template.Spec;
        var api = ApiContainer(chart);
        var port = ChartValues.Integer("api.port");

        Assert.Equal(ChartValues.Integer("api.replicas"), deployment.Spec.Replicas);
        Assert.Equal("actionnet-api:0.1.0", api.Image);
        Assert.Equal(port, api.Ports.Single(p => p.Name == "http").ContainerPort);
        Assert.Equal($"{port}", Env(api, "ASPNETCORE_HTTP_PORTS"));
        Assert.Equal((DefaultEndpointsWebApplicationExtensions.HealthPath, "http"), (api.LivenessProbe.HttpGet.Path, api.LivenessProbe.HttpGet.Port.Value));
        Assert.Equal((DefaultEndpointsWebApplicationExtensions.HealthPath, "http"), (api.StartupProbe.HttpGet.Path, api.StartupProbe.HttpGet.Port.Value));
        Assert.Equal((DefaultEndpointsWebApplicationExtensions.ReadyPath, "http"), (api.ReadinessProbe.HttpGet.Path, api.ReadinessProbe.HttpGet.Port.Value));

        Assert.True(pod.SecurityContext.RunAsNonRoot);
        Assert.Equal(10001, pod.SecurityContext.RunAsUser);
        Assert.True(api.SecurityContext.ReadOnlyRootFilesystem);
        Assert.False(api.SecurityContext.AllowPrivilegeEscalation);
        Assert.Equal(["ALL"], api.SecurityContext.Capabilities.Drop);
        Assert.Contains(api.VolumeMounts, m => m.MountPath == "/tmp" && m.ReadOnlyProperty != true);
        Assert.False(pod.AutomountServiceAccountToken);
        Assert.NotNull(api.Resources.Requests["cpu"]);
        Assert.NotNull(api.Resources.Limits["memory"]);
        Assert.Equal(deployment.Spec.Selector.MatchLabels, Assert.Single(pod.TopologySpreadConstraints).LabelSelector.MatchLabels);
        Assert.Equal(deployment.Spec.Selector.MatchLabels, chart.Named<V1PodDisruptionBudget>("demo-actionnet-api").Spec.Selector.MatchLabels);

        var service = chart.Named<V1Service>("demo-actionnet-api");
        Assert.Equal(deployment.Spec.Selector.MatchLabels, service.Spec.Selector);
        var servicePort = Assert.Single(service.Spec.Ports);
        Assert.Equal((80, "http"), (servicePort.Port, servicePort.TargetPort.Value));
        Assert.Empty(chart.All<V1Ingress>());
    }

    [Fact]
    public void TheApiJoinsTheReleasesClusterThroughTheMembershipTableWithTheSilosStorageSecret()
    {
        var chart = RenderedChart.Render(["existing-secret.yaml"], "cluster.clusterId=prod-eu,cluster.serviceId=video-eu");
        var api = ApiContainer(chart);
        var silo = Assert.Single(chart.Silos).Spec.Template.Spec.Containers[0];

        Assert.Equal("azuretable", Env(api, "ActionNet__Api__Clustering"));
        Assert.Empty(new ApiOptions { Clustering = Env(api, "ActionNet__Api__Clustering") }.Validate());
        Assert.Equal(("prod-eu", "video-eu"), (Env(api, "ActionNet__Api__ClusterId"), Env(api, "ActionNet__Api__ServiceId")));
        var apiSecret = api.Env.Single(e => e.Name == "ConnectionStrings__Storage").ValueFrom.SecretKeyRef;
        var siloSecret = silo.Env.Single(e => e.Name == "ConnectionStrings__Storage").ValueFrom.SecretKeyRef;
        Assert.Equal(("my-storage", "conn"), (apiSecret.Name, apiSecret.Key));
        Assert.Equal((siloSecret.Name, siloSecret.Key), (apiSecret.Name, apiSecret.Key));
        Assert.DoesNotContain(api.Env, e => e.Name.StartsWith("ActionNet__Api__Oidc__", StringComparison.Ordinal));
    }

    [Fact]
    public void TheIngressServesTheApiServiceOnItsHostWithTlsAndOidcCorsAndTracingReachTheApi()
    {
        var chart = RenderedChart.Render(["api-ingress-tls.yaml"]);
        var ingress = Assert.Single(chart.All<V1Ingress>());
        var service = chart.Named<V1Service>("demo-actionnet-api");
        var api = ApiContainer(chart);

        Assert.Equal("nginx", ingress.Spec.IngressClassName);
        Assert.Equal("off", ingress.Metadata.Annotations["nginx.ingress.kubernetes.io/proxy-buffering"]);
        var tls = Assert.Single(ingress.Spec.Tls);
        Assert.Equal(("actionnet-tls", "actionnet.example.com"), (tls.SecretName, Assert.Single(tls.Hosts)));
        var rule = Assert.Single(ingress.Spec.Rules);
        Assert.Equal("actionnet.example.com", rule.Host);
        var path = Assert.Single(rule.Http.Paths);
        Assert.Equal(("/", "Prefix"), (path.Path, path.PathType));
        Assert.Equal(service.Metadata.Name, path.Backend.Service.Name);
        Assert.Equal(Assert.Single(service.Spec.Ports).Name, path.Backend.Service.Port.Name);

        Assert.Equal(3, chart.Named<V1Deployment>("demo-actionnet-api").Spec.Replicas);
        Assert.Equal("registry.example.com/actionnet-api:0.1.0", api.Image);
        Assert.Equal("https://ops.example.com", Env(api, "ActionNet__Api__CorsOrigins__0"));
        Assert.Equal("https://login.example.com/tenant/v2.0", Env(api, "ActionNet__Api__Oidc__Authority"));
        Assert.Equal("api://actionnet", Env(api, "ActionNet__Api__Oidc__Audience"));
        Assert.Equal(new OidcOptions().RoleClaim, Env(api, "ActionNet__Api__Oidc__RoleClaim"));
        Assert.Equal(new OidcOptions().CamerasClaim, Env(api, "ActionNet__Api__Oidc__CamerasClaim"));
        Assert.Equal("http://otel-collector.monitoring:4317", Env(api, ServiceDefaultsHostBuilderExtensions.OtlpEndpointKey));
        Assert.Equal("8", Env(Assert.Single(chart.Silos).Spec.Template.Spec.Containers[0], "ActionNet__Ingest__QueueCapacity"));

        var plain = Assert.Single(RenderedChart.Render(["defaults-models-claim.yaml"], "ingress.enabled=true,ingress.host=cams.example.org").All<V1Ingress>());
        Assert.Null(plain.Spec.Tls);
        Assert.Null(plain.Spec.IngressClassName);
    }

    [Fact]
    public void ServiceMonitorsScrapeEverySilosHttpPortAndTheApiWithAViewerKeyFromASecret()
    {
        var chart = RenderedChart.Render(["servicemonitor.yaml"]);
        var monitors = chart.All<ServiceMonitor>().ToDictionary(m => m.Metadata.Name);
        Assert.Equal(["demo-actionnet-api", "demo-actionnet-silos"], monitors.Keys.Order(StringComparer.Ordinal));
        Assert.All(monitors.Values, m => Assert.Equal("kube-prometheus-stack", m.Metadata.Labels["release"]));

        // The silos' monitor selects exactly the headless metrics Service, whose port reaches each silo's /metrics.
        var silos = monitors["demo-actionnet-silos"];
        var selected = chart.All<V1Service>().Where(s => silos.Spec.Selector.MatchLabels.All(l => s.Metadata.Labels.TryGetValue(l.Key, out var v) && v == l.Value)).ToArray();
        var metrics = Assert.Single(selected);
        Assert.Equal("demo-actionnet-silo-metrics", metrics.Metadata.Name);
        var endpoint = Assert.Single(silos.Spec.Endpoints);
        Assert.Equal((DefaultEndpointsWebApplicationExtensions.MetricsPath, "http"), (endpoint.Path, endpoint.Port));
        Assert.Contains(metrics.Spec.Ports, p => p.Name == endpoint.Port && p.TargetPort.Value == "http");
        Assert.Null(endpoint.Authorization);
        Assert.All(chart.Silos, d => Assert.All(metrics.Spec.Selector, l => Assert.Equal(l.Value, d.Spec.Template.Metadata.Labels[l.Key])));
        Assert.All(chart.Silos, d => Assert.Contains(d.Spec.Template.Spec.Containers[0].Ports, p => p.Name == "http"));

        // The API's monitor selects the API Service and sends the key in the Secret as a bearer token.
        var api = monitors["demo-actionnet-api"];
        var apiService = Assert.Single(chart.All<V1Service>(), s => api.Spec.Selector.MatchLabels.All(l => s.Metadata.Labels.TryGetValue(l.Key, out var v) && v == l.Value));
        Assert.Equal("demo-actionnet-api", apiService.Metadata.Name);
        var apiEndpoint = Assert.Single(api.Spec.Endpoints);
        Assert.Equal((DefaultEndpointsWebApplicationExtensions.MetricsPath, Assert.Single(apiService.Spec.Ports).Name), (apiEndpoint.Path, apiEndpoint.Port));
        Assert.Equal("Bearer", apiEndpoint.Authorization!.Type);
        Assert.Equal(("actionnet-prometheus-key", "api-key"), (apiEndpoint.Authorization.Credentials!.Name, apiEndpoint.Authorization.Credentials.Key));

        // KEDA asks the Prometheus those monitors feed.
        Assert.All(chart.All<Keda.ScaledObject>(), s => Assert.Equal("http://kube-prometheus-stack-prometheus.monitoring.svc:9090", Assert.Single(s.Spec.Triggers).Metadata["serverAddress"]));
    }

    [Fact]
    public void WithoutABearerSecretOnlyTheSilosAreScrapedAndWithoutTheApiNoApiObjectsAndOnlySilosReachTheGateway()
    {
        var chart = RenderedChart.Render(["api-off.yaml"]);

        Assert.Equal("demo-actionnet-silos", Assert.Single(chart.All<ServiceMonitor>()).Metadata.Name);
        Assert.DoesNotContain(chart.Manifests, m => m.Name.EndsWith("-api", StringComparison.Ordinal));
        Assert.DoesNotContain(chart.Manifests, m => m.Source.Contains("/api-", StringComparison.Ordinal));
        var policy = Assert.Single(chart.All<V1NetworkPolicy>());
        Assert.DoesNotContain(policy.Spec.Ingress, r => r.Ports.All(p => p.Port?.Value == "gateway"));

        var noKey = RenderedChart.Render(["defaults-models-claim.yaml"], "serviceMonitor.enabled=true");
        Assert.Equal("demo-actionnet-silos", Assert.Single(noKey.All<ServiceMonitor>()).Metadata.Name);
    }

    private static string Env(V1Container container, string name) =>
        container.Env.SingleOrDefault(e => e.Name == name)?.Value ?? throw new InvalidOperationException($"the {container.Name} container sets no {name}");
}
