using Xunit.Abstractions;

namespace ActionNet.Deploy.Tests;

/// <summary>
/// A copy of the chart, broken on purpose one way at a time: rendering and validating it fails with a message
/// that names the template or the value, so a typo shows here rather than in a user's cluster.
/// </summary>
public sealed class BrokenChartTests : IDisposable
{
    private readonly string copy = Path.Combine(Path.GetTempPath(), $"actionnet-broken-chart-{Guid.NewGuid():N}");
    private readonly ITestOutputHelper output;

    public BrokenChartTests(ITestOutputHelper output)
    {
        this.output = output;
        CopyFolder(DeploymentFiles.Chart, copy);
    }

    public void Dispose() => Directory.Delete(copy, recursive: true);

    [Theory]
    // A template that does not parse: an undefined function.
    [InlineData("silo-pdb.yaml", "{{ $.Values.podDisruptionBudget.maxUnavailable }}", "{{ $.Values.podDisruptionBudget.maxUnavailable | maxUnavialable }}", "", "actionnet/templates/silo-pdb.yaml", "function \"maxUnavialable\" not defined")]
    // A field name typo: strict parsing into V1PodDisruptionBudgetSpec rejects it.
    [InlineData("silo-pdb.yaml", "  maxUnavailable:", "  maxUnavailabel:", "", "actionnet/templates/silo-pdb.yaml", "maxUnavailabel")]
    // Broken indentation: the renderer's YAML parse names the template.
    [InlineData("gateway-service.yaml", "  type: {{ .Values.service.type }}", "   type: {{ .Values.service.type }}", "", "YAML parse error in actionnet/templates/gateway-service.yaml", "")]
    // NOTES.txt is executed as helm install would.
    [InlineData("NOTES.txt", "{{ .Values.cluster.clusterId }}", "{{ .Values.cluster.clusterId | nosuchfunction }}", "", "actionnet/templates/NOTES.txt", "function \"nosuchfunction\" not defined")]
    // A value of the wrong type: a port that is not a number fails the typed parse of the Deployment.
    [InlineData("", "", "", "ports.silo=eleven", "actionnet/templates/silo-deployment.yaml: Deployment", "containerPort: eleven")]
    // A value of the wrong type the chart checks itself.
    [InlineData("", "", "", "pools.t4.replicas=three", "silo-deployment.yaml", "pools.t4.replicas is three; expected a whole number")]
    // A missing required value.
    [InlineData("", "", "", "models.claimName=", "silo-deployment.yaml", "set models.claimName or models.hostPath")]
    [InlineData("", "", "", "profiles.hmdb5-2d.model=", "silo-deployment.yaml", "profiles.hmdb5-2d.model is required")]
    [InlineData("", "", "", "autoscaling.enabled=true,autoscaling.engine=cron", "silo-autoscaling.yaml", "autoscaling.engine is 'cron'; expected keda or hpa")]
    // The API host's values: a wrong type, missing required values.
    [InlineData("", "", "", "api.replicas=two", "api-deployment.yaml", "api.replicas is two; expected a whole number")]
    [InlineData("", "", "", "api.oidc.authority=https://login.example.com", "api-deployment.yaml", "api.oidc.audience is required with api.oidc.authority")]
    [InlineData("", "", "", "ingress.enabled=true", "api-ingress.yaml", "ingress.host is required with ingress.enabled")]
    [InlineData("", "", "", "ingress.enabled=true,ingress.host=a.example.com,api.enabled=false", "api-ingress.yaml", "ingress.enabled needs api.enabled")]
    // A field name typo in a custom resource: strict parsing into the transcribed ServiceMonitor rejects it.
    [InlineData("servicemonitor.yaml", "      scrapeTimeout:", "      scrapeTimout:", "serviceMonitor.enabled=true", "actionnet/templates/servicemonitor.yaml: ServiceMonitor", "scrapeTimout")]
    [InlineData("", "", "", "api.port=eighty", "actionnet/templates/api-deployment.yaml: Deployment", "containerPort: eighty")]
    public void ABrokenTemplateOrValueFailsNamingTheTemplateAndTheField(string template, string find, string replace, string set, string names, string says)
    {
        if (template.Length > 0)
        {
            var path = Path.Combine(copy, "templates", template);
            var text = File.ReadAllText(path);
            Assert.Contains(find, text, StringComparison.Ordinal);
            File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
        }

        var failure = Assert.Throws<ChartRenderException>(() =>
            RenderedChart.RenderChart(copy, [RenderedChart.ValueSetPath("defaults-models-claim.yaml")], set.Length > 0 ? [set] : []));

        output.WriteLine(failure.Message);
        Assert.Contains(names, failure.Message, StringComparison.Ordinal);
        Assert.Contains(says, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheUnbrokenCopyRenders() =>
        Assert.NotEmpty(RenderedChart.RenderChart(copy, [RenderedChart.ValueSetPath("defaults-models-claim.yaml")], []).Manifests);

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
