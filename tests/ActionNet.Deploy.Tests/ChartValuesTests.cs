using System.Text.RegularExpressions;
using ActionNet.Inference.Execution;

namespace ActionNet.Deploy.Tests;

public partial class ChartValuesTests
{
    private static readonly string Templates = string.Concat(
        Directory.EnumerateFiles(Path.Combine(DeploymentFiles.Chart, "templates")).Order(StringComparer.Ordinal).Select(File.ReadAllText));

    [Fact]
    public void EveryValueTheTemplatesReadIsInValuesYaml()
    {
        var paths = ValuesReference().Matches(Templates).Select(m => m.Groups[1].Value).Distinct().ToArray();

        var missing = paths.Where(p => ChartValues.Values.Find(p) is null).ToArray();

        Assert.Contains("ports.gateway", paths);
        Assert.True(missing.Length == 0, $"the templates read values that values.yaml lacks: {string.Join(", ", missing)}");
    }

    [Fact]
    public void EveryPoolAndProfileKeyInValuesYamlIsRendered()
    {
        var poolKeys = ChartValues.Pools.SelectMany(p => p.Spec.Keys()).Distinct();
        var profileKeys = ChartValues.Profiles.SelectMany(p => p.Spec.Keys()).Distinct();

        var ignored = poolKeys.Where(k => !Templates.Contains($"$spec.{k}", StringComparison.Ordinal))
            .Concat(profileKeys.Where(k =>
                !Templates.Contains($"$profile.{k}", StringComparison.Ordinal) && !Templates.Contains($"$profile \"{k}\"", StringComparison.Ordinal)))
            .ToArray();

        Assert.True(ignored.Length == 0, $"values.yaml has pool or profile keys no template reads: {string.Join(", ", ignored)}");
    }

    [Fact]
    public void EveryPoolHasAnAcceleratorReplicasAndProvidersTheSiloAccepts()
    {
        foreach (var (name, spec) in ChartValues.Pools)
        {
            Assert.False(string.IsNullOrWhiteSpace(spec.Scalar("accelerator")), $"pools.{name}.accelerator is empty");
            Assert.True(int.TryParse(spec.Scalar("replicas"), out var replicas) && replicas >= 0, $"pools.{name}.replicas is not a count");
            var providers = spec.Items("providers").Select(p => p.ToString()).ToArray();
            Assert.NotEmpty(providers);
            Assert.All(providers, p => Assert.True(Enum.TryParse<ExecutionProvider>(p, out _), $"pools.{name}.providers has '{p}'"));
        }
    }

    [Fact]
    public void TheGpuPoolAsksForOneGpuAndTheCpuPoolOnlyForTheCpuProvider()
    {
        var pools = ChartValues.Pools.ToDictionary(p => p.Name, p => p.Spec);
        var gpuLimit = pools["t4"].Map("resources.limits").Children.Single(c => c.Key.ToString() == "nvidia.com/gpu").Value;
        Assert.Equal("1", gpuLimit.ToString());
        Assert.Equal(["Cpu"], pools["cpu"].Items("providers").Select(p => p.ToString()));
    }

    [Fact]
    public void EveryProfileCanRunOnSomePool()
    {
        var accelerators = ChartValues.Pools.Select(p => p.Spec.Scalar("accelerator")!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, spec) in ChartValues.Profiles)
        {
            var allowed = spec.Items("accelerators").Select(a => a.ToString()).ToArray();
            Assert.True(allowed.Length == 0 || allowed.Any(accelerators.Contains), $"profiles.{name} allows only {string.Join(", ", allowed)}, which no pool has");
        }
    }

    [GeneratedRegex(@"\.Values\.([A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*)")]
    private static partial Regex ValuesReference();
}
