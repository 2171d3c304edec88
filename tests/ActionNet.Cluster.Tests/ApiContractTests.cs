using System.Text.Json;
using ActionNet.Cluster.Tests.Support;
using ActionNet.LocalCluster;
using Xunit.Abstractions;

namespace ActionNet.Cluster.Tests;

/// <summary>
/// The OpenAPI document as a contract, checked against the document a real API host serves: Redocly's recommended rules,
/// and a C# client generated from it by Kiota, compiled and used against the real cluster.
/// </summary>
[Collection(SharedClusterCollection.Name)]
public sealed class ApiContractTests(SharedClusterFixture fixture, ITestOutputHelper output)
{
    private TestCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task TheServedOpenApiDocumentPassesRedoclysRecommendedRulesWithoutAnError()
    {
        var api = await fixture.ApiAsync();
        var document = Path.Combine(Cluster.Folder, $"openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(document, await api.Client(api.ViewerKey).GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var redocly = Path.Combine(RepositoryLayout.Root(), "deploy", "local", "node_modules", ".bin", "redocly");
        Assert.True(File.Exists(redocly), $"{redocly} is missing: run deploy/local/install-deps.sh");

        var lint = await ToolProcess.RunAsync(redocly, ["lint", document, "--extends", "recommended", "--format", "json"], Cluster.Folder, TimeSpan.FromMinutes(3));

        using var report = JsonDocument.Parse(lint.Stdout[lint.Stdout.IndexOf('{', StringComparison.Ordinal)..]);
        var totals = report.RootElement.GetProperty("totals");
        var problems = report.RootElement.GetProperty("problems").EnumerateArray()
            .Select(p => $"{p.GetProperty("severity").GetString()} {p.GetProperty("ruleId").GetString()}: {p.GetProperty("message").GetString()} at {string.Join(" ", p.GetProperty("location").EnumerateArray().Select(l => l.GetProperty("pointer").GetString()))}")
            .ToArray();
        output.WriteLine($"redocly lint: {totals.GetProperty("errors").GetInt32()} error(s), {totals.GetProperty("warnings").GetInt32()} warning(s)");
        foreach (var problem in problems)
        {
            output.WriteLine(problem);
        }

        Assert.True(totals.GetProperty("errors").GetInt32() == 0, string.Join("\n", problems.Where(p => p.StartsWith("error", StringComparison.Ordinal))));
    }

    // Generated at test time from the document the host serves, so the client is always the one the API describes now
    // (a field added by another change appears in it without a committed client to regenerate).
    [Fact]
    public async Task AClientKiotaGeneratesFromTheServedDocumentCompilesAndRoundTripsACameraAndAHistoryPage()
    {
        var api = await fixture.ApiAsync();
        var camera = TestCluster.NewCameraId("kiota");
        var folder = Directory.CreateTempSubdirectory("actionnet-kiota-").FullName;
        try
        {
            var document = Path.Combine(folder, "openapi.json");
            await File.WriteAllTextAsync(document, await api.Client(api.ViewerKey).GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
            foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "GeneratedClient")))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            var root = RepositoryLayout.Root();
            var generate = await ToolProcess.RunAsync(
                "dotnet",
                ["tool", "run", "kiota", "generate", "-l", "CSharp", "-d", document, "-o", Path.Combine(folder, "Client"), "-n", "ActionNet.Generated", "-c", "ActionNetClient", "--exclude-backward-compatible", "--clean-output"],
                root,
                TimeSpan.FromMinutes(3));
            Assert.True(generate.ExitCode == 0, generate.ToString());
            var build = await ToolProcess.RunAsync("dotnet", ["build", Path.Combine(folder, "RoundTrip.csproj"), "-c", "Release", "-o", Path.Combine(folder, "out"), "-nologo", "-clp:ErrorsOnly"], folder, TimeSpan.FromMinutes(5));
            Assert.True(build.ExitCode == 0, build.ToString());

            var run = await ToolProcess.RunAsync(
                "dotnet",
                [Path.Combine(folder, "out", "RoundTrip.dll"), api.BaseAddress.AbsoluteUri.TrimEnd('/'), api.OperatorKey, camera, Cluster.Video(new SolidColour(0, 0, 255)), TestCluster.AnyProfile],
                folder,
                TimeSpan.FromMinutes(3));
            Assert.True(run.ExitCode == 0, run.ToString());
            var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .ToDictionary(l => l[..l.IndexOf(':', StringComparison.Ordinal)], l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim());

            Assert.Equal($"{camera} {TestCluster.AnyProfile} True", lines["created"]);
            Assert.Equal($"{camera} {camera}", lines["read"]);
            Assert.Equal("True", lines["listed"]);
            var page = JsonSerializer.Deserialize<JsonElement[]>(lines["page"])!;
            Assert.Equal(3, page.Length);
            Assert.All(page, e => Assert.Equal(camera, e.GetProperty("CameraId").GetString()));
            var stored = await Cluster.HistoryAsync(camera);
            Assert.Equal(stored.Take(3).Select(e => (e.Sequence, e.Label)), page.Select(e => (e.GetProperty("Sequence").GetInt64(), e.GetProperty("Label").GetString()!)));
            var after = JsonSerializer.Deserialize<long[]>(lines["after"])!;
            Assert.NotEmpty(after);
            Assert.All(after, s => Assert.True(s > page[^1].GetProperty("Sequence").GetInt64(), $"the generated client's second page repeats #{s}"));
            Assert.Equal("404 camera 'no-such-camera-here' is not registered; GET /api/v1/cameras lists the registered cameras", lines["missing"]);
            Assert.Equal("404", lines["removed"]);
        }
        finally
        {
            await Cluster.RemoveQuietlyAsync(camera);
            Directory.Delete(folder, recursive: true);
        }
    }
}
