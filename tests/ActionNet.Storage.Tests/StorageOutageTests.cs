using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ActionNet.Abstractions.History;

namespace ActionNet.Storage.Tests;

public sealed class StorageOutageTests
{
    private static readonly TimeSpan FailFast = TimeSpan.FromSeconds(10);

    private readonly int closedPort = ClosedPort();

    private string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:{closedPort}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{closedPort}/devstoreaccount1;";

    [Fact]
    public async Task WritingToAnUnreachableAccountFailsFastWithOneLineNamingTheEndpoint()
    {
        var history = LabelStore.Connect(new HistoryStorageOptions { ConnectionString = ConnectionString });
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<HistoryStorageUnavailableException>(
            () => history.OpenWriterAsync("gate", "silo"));

        Assert.True(clock.Elapsed < FailFast, $"took {clock.Elapsed}");
        Assert.StartsWith($"label history storage at http://127.0.0.1:{closedPort}/devstoreaccount1 is unavailable: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task QueryingAnUnreachableAccountFailsRatherThanReturningNothing()
    {
        var history = LabelStore.Connect(new HistoryStorageOptions { ConnectionString = ConnectionString });

        await Assert.ThrowsAsync<HistoryStorageUnavailableException>(() => history.QueryAsync(new HistoryQuery()));
        await Assert.ThrowsAsync<HistoryStorageUnavailableException>(() => history.GetLastSequenceAsync("gate"));
    }

    [Fact]
    public async Task TheStartUpProbeNamesTheSettingAndTheEndpoint()
    {
        var error = await Assert.ThrowsAsync<StorageAccountUnreachableException>(
            () => StorageConnectionProbe.EnsureReachableAsync(HistoryStorageOptions.ConnectionStringKey, ConnectionString));

        Assert.StartsWith(
            $"storage account from setting 'ActionNet:History:ConnectionString' at http://127.0.0.1:{closedPort}/devstoreaccount1 is unreachable: ",
            error.Message,
            StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a connection string")]
    public async Task TheStartUpProbeRejectsAMissingOrMalformedSetting(string? connectionString)
    {
        var error = await Assert.ThrowsAsync<StorageAccountUnreachableException>(
            () => StorageConnectionProbe.EnsureReachableAsync(HistoryStorageOptions.ConnectionStringKey, connectionString));

        Assert.Contains("'ActionNet:History:ConnectionString'", error.Message, StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
