using ActionNet.Cli.Tests.Support;

namespace ActionNet.Cli.Tests;

/// <summary>
/// Where the CLI finds a cluster, and what it says when it cannot: a gateway, an API or a storage account that does not
/// answer exits 3 (the README keeps 2 for bad input), a malformed address, connection string or flag combination exits 2.
/// </summary>
public sealed class ClusterReachTests
{
    // A well-formed Azurite connection string whose endpoints nothing listens on.
    private const string NowhereStorage = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;TableEndpoint=http://127.0.0.1:1/devstoreaccount1";

    [Theory]
    [InlineData(new[] { "cameras", "list", "--gateway", "127.0.0.1:1" }, "error: cannot reach the ActionNet cluster at gateway 127.0.0.1:1: ")]
    [InlineData(new[] { "history", "--api", "http://127.0.0.1:1", "--api-key", "ank_0123456789ab_x" }, "error: cannot reach the ActionNet API at http://127.0.0.1:1/: ")]
    [InlineData(new[] { "watch", "--api", "http://127.0.0.1:1/", "--api-key", "ank_0123456789ab_x" }, "error: cannot reach the ActionNet API at http://127.0.0.1:1/: ")]
    [InlineData(new[] { "keys", "list", "--storage", NowhereStorage }, "error: storage account from setting '--storage' at http://127.0.0.1:1/devstoreaccount1 is unreachable: ")]
    public async Task AClusterApiOrStorageAccountThatDoesNotAnswerExits3WithOneLine(string[] arguments, string expected)
    {
        var run = await CliProcess.RunAsync(arguments);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.StartsWith(expected, Assert.Single(run.StderrLines), StringComparison.Ordinal);
        CliAssert.NoStackTrace(run);
    }

    [Theory]
    [InlineData(new[] { "keys", "list", "--storage", "not a connection string" }, "storage account from setting '--storage' at (none) is unreachable: the setting is not a valid storage connection string")]
    [InlineData(new[] { "history", "migrate", "--storage", "AccountName=x;nonsense" }, "the setting is not a valid storage connection string")]
    [InlineData(new[] { "cameras", "list", "--clustering", "azuretable", "--storage", "not a connection string" }, "the setting is not a valid storage connection string")]
    [InlineData(new[] { "keys", "list" }, "keys without --api needs --storage (or ACTIONNET_STORAGE)")]
    [InlineData(new[] { "cameras", "list", "--api", "actionnet.example.com", "--api-key", "k" }, "--api 'actionnet.example.com' is invalid: expected the API's address")]
    [InlineData(new[] { "cameras", "list", "--api", "http://127.0.0.1:1" }, "--api needs --api-key (or ACTIONNET_API_KEY)")]
    [InlineData(new[] { "cameras", "list", "--api", "http://127.0.0.1:1", "--api-key", "k", "--gateway", "127.0.0.1:1" }, "choose one way to the cluster: --api, or --gateway/--clustering")]
    [InlineData(new[] { "keys", "list", "--api", "http://127.0.0.1:1", "--api-key", "k", "--storage", "UseDevelopmentStorage=true" }, "choose one place for the keys: --storage (the storage account) or --api")]
    [InlineData(new[] { "keys", "create", "--role", "admin", "--cameras", "lobby-*", "--storage", NowhereStorage }, "an admin key cannot be limited to cameras (lobby-*)")]
    [InlineData(new[] { "keys", "create", "--role", "viewer", "--cameras", "Lobby", "--storage", NowhereStorage }, "--cameras holds 'Lobby', which is not a camera id pattern")]
    public async Task AMalformedAddressConnectionStringOrCombinationIsBadInput(string[] arguments, string expected)
    {
        var run = await CliProcess.RunAsync(arguments);

        CliAssert.InputError(run, expected);
        Assert.DoesNotContain("Exception", run.Stderr, StringComparison.Ordinal);
    }
}
