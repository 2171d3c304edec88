using k8s.Models;

namespace ActionNet.Deploy.Tests;

/// <summary>The silos' NetworkPolicy as rendered: who reaches the silo, gateway and HTTP ports.</summary>
public class NetworkPolicyTests
{
    [Fact]
    public void OnlySilosAndTheApiReachTheSiloAndGatewayPortsAndOnlyPrometheusTheMetricsPort()
    {
        var chart = RenderedChart.Render(["t4-jetson-cpu.yaml"]);
        var policy = Assert.Single(chart.All<V1NetworkPolicy>());
        var silos = chart.Silos.Select(d => d.Spec.Template.Metadata.Labels).ToArray();
        var api = chart.Named<V1Deployment>("demo-actionnet-api").Spec.Template.Metadata.Labels;

        Assert.All(silos, labels => Assert.All(policy.Spec.PodSelector.MatchLabels, l => Assert.Equal(l.Value, labels[l.Key])));
        Assert.False(policy.Spec.PodSelector.MatchLabels.All(l => api.TryGetValue(l.Key, out var v) && v == l.Value), "the policy must not select the API pods");
        Assert.Equal(["Ingress"], policy.Spec.PolicyTypes);
        Assert.Equal(3, policy.Spec.Ingress.Count);

        var siloRule = policy.Spec.Ingress.Single(r => r.Ports.Any(p => p.Port?.Value == "silo"));
        Assert.Equal(["gateway", "silo"], siloRule.Ports.Select(p => p.Port.Value).Order(StringComparer.Ordinal));
        Assert.Equal(policy.Spec.PodSelector.MatchLabels, Assert.Single(siloRule.FromProperty).PodSelector.MatchLabels);

        // The API pods of this release (by all their selector labels, not any pod labelled component=api) reach the gateway.
        var gatewayOnly = policy.Spec.Ingress.Single(r => r.Ports.All(p => p.Port?.Value == "gateway"));
        var apiPeer = Assert.Single(gatewayOnly.FromProperty).PodSelector.MatchLabels;
        Assert.Equal(chart.Named<V1Deployment>("demo-actionnet-api").Spec.Selector.MatchLabels, apiPeer);
        Assert.All(apiPeer, l => Assert.Equal(l.Value, api[l.Key]));

        // Prometheus, in whatever namespace it runs, reaches the HTTP port and nothing else.
        var metricsRule = policy.Spec.Ingress.Single(r => r.Ports.Any(p => p.Port?.Value == "http"));
        Assert.Equal(["http"], metricsRule.Ports.Select(p => p.Port.Value));
        var scraper = Assert.Single(metricsRule.FromProperty);
        Assert.NotNull(scraper.NamespaceSelector);
        Assert.Equal("prometheus", scraper.PodSelector.MatchLabels["app.kubernetes.io/name"]);
        Assert.All(policy.Spec.Ingress.SelectMany(r => r.FromProperty), peer => Assert.Null(peer.IpBlock));
    }

    [Fact]
    public void ExtraGatewayClientsAndPeersAreAddedToTheApiOnTheGatewayRule()
    {
        var chart = RenderedChart.Render(
            ["defaults-models-claim.yaml"],
            "networkPolicy.gatewayClients.app=ingest-job,networkPolicy.extraGatewayPeers[0].ipBlock.cidr=10.20.0.0/16");
        var gateway = Assert.Single(chart.All<V1NetworkPolicy>()).Spec.Ingress.Single(r => r.Ports.All(p => p.Port?.Value == "gateway"));

        Assert.Equal(3, gateway.FromProperty.Count);
        Assert.Contains(gateway.FromProperty, p => p.PodSelector?.MatchLabels.TryGetValue("app", out var app) == true && app == "ingest-job");
        Assert.Contains(gateway.FromProperty, p => p.IpBlock?.Cidr == "10.20.0.0/16");
    }
}
