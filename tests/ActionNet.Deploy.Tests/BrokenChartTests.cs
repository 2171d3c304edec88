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
