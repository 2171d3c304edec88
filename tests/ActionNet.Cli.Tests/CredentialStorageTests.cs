using System.Text.Json.Nodes;
using ActionNet.Abstractions.Cameras;
using ActionNet.Drills;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Orleans.Core.Internal;

namespace ActionNet.Cli.Tests;

/// <summary>Camera credentials at rest: what the storage account holds, read raw with the Azure SDK.</summary>
[Collection(CameraClusterCollection.Name)]
public sealed class CredentialStorageTests(CameraClusterFixture fixture)
{
    private BlobServiceClient Storage => new(fixture.Cluster.Host.Storage.ConnectionString, new BlobClientOptions(BlobClientOptions.ServiceVersion.V2025_11_05));

    [Fact]
    public async Task NoBlobInTheStorageAccountHoldsThePasswordOfAStreamingCamera()
    {
        var camera = $"sealed-{Guid.NewGuid():N}"[..15];
        var url = fixture.Secured.Url("/cam", CameraClusterFixture.User, fixture.Password) + "?token=" + fixture.Password;

        await fixture.Cluster.Grains.GetGrain<ICameraGrain>(camera).RegisterAsync(new CameraRegistration { Source = url, ModelProfile = DrillCluster.Profile });
        await fixture.Cluster.WaitForStatusAsync(camera, "Streaming", s => s.State == CameraState.Streaming && s.FramesReceived >= 5, TimeSpan.FromSeconds(90));

        var state = await CameraStateBlobAsync(camera);
        Assert.Contains("SealedSource", state, StringComparison.Ordinal);
        Assert.Contains($"rtsp://{CameraClusterFixture.User}:{SourceUrl.Mask}@", state, StringComparison.Ordinal);
        await AssertNoBlobHoldsThePasswordAsync();
        var returned = await fixture.Cluster.Grains.GetGrain<ICameraGrain>(camera).GetRegistrationAsync();
        Assert.DoesNotContain(fixture.Password, returned!.Source, StringComparison.Ordinal);
        Assert.True(await Storage.GetBlobContainerClient("dataprotection").GetBlobClient("keys.xml").ExistsAsync(), "no key ring blob");
        await fixture.Cluster.Grains.GetGrain<ICameraGrain>(camera).RemoveAsync();
    }

    [Fact]
    public async Task APlainRegistrationStoredBeforeEncryptionIsSealedOnItsFirstLoad()
    {
        var camera = $"legacy-{Guid.NewGuid():N}"[..15];
        var url = fixture.Secured.Url("/cam", CameraClusterFixture.User, fixture.Password);
        var grain = fixture.Cluster.Grains.GetGrain<ICameraGrain>(camera);
        await grain.RegisterAsync(new CameraRegistration { Source = url, ModelProfile = DrillCluster.Profile, Enabled = false });

        // Rewrite the stored state as the old code wrote it: the full URL in Source, nothing sealed.
        var (blob, json) = await CameraStateAsync(camera);
        var registration = FindObjectWith(json, "SealedSource") ?? throw new InvalidOperationException($"no SealedSource in {json.ToJsonString()}");
        registration["Source"] = url;
        registration.Remove("SealedSource");
        await blob.UploadAsync(BinaryData.FromString(json.ToJsonString()), overwrite: true);
        Assert.Contains(fixture.Password, (await blob.DownloadContentAsync()).Value.Content.ToString(), StringComparison.Ordinal);

        // A fresh activation loads it: deactivate the (disabled, idle) camera, then wake it, until one has.
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60);
        string migrated;
        CameraRegistration? loaded;
        do
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "the camera was never loaded afresh");
            await grain.AsReference<IGrainManagementExtension>().DeactivateOnIdle();
            await Task.Delay(TimeSpan.FromMilliseconds(200));
            loaded = await grain.GetRegistrationAsync();
            migrated = (await blob.DownloadContentAsync()).Value.Content.ToString();
        }
        while (migrated.Contains(fixture.Password, StringComparison.Ordinal));

        Assert.DoesNotContain(fixture.Password, loaded!.Source, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Password, migrated, StringComparison.Ordinal);
        Assert.Contains("SealedSource", migrated, StringComparison.Ordinal);
        await grain.RemoveAsync();
    }

    private async Task<string> CameraStateBlobAsync(string camera) => (await CameraStateAsync(camera)).Json.ToJsonString();

    private async Task<(BlobClient Blob, JsonNode Json)> CameraStateAsync(string camera)
    {
        await foreach (var container in Storage.GetBlobContainersAsync())
        {
            var client = Storage.GetBlobContainerClient(container.Name);
            await foreach (var item in client.GetBlobsAsync(new GetBlobsOptions()))
            {
                if (item.Name.Contains(camera, StringComparison.Ordinal) && item.Name.Contains("camera", StringComparison.OrdinalIgnoreCase))
                {
                    var blob = client.GetBlobClient(item.Name);
                    return (blob, JsonNode.Parse((await blob.DownloadContentAsync()).Value.Content.ToString())!);
                }
            }
        }

        throw new InvalidOperationException($"no grain state blob names camera {camera}");
    }

    private async Task AssertNoBlobHoldsThePasswordAsync()
    {
        var read = 0;
        await foreach (var container in Storage.GetBlobContainersAsync())
        {
            var client = Storage.GetBlobContainerClient(container.Name);
            await foreach (var item in client.GetBlobsAsync(new GetBlobsOptions()))
            {
                var text = (await client.GetBlobClient(item.Name).DownloadContentAsync()).Value.Content.ToString();
                Assert.False(text.Contains(fixture.Password, StringComparison.Ordinal), $"{container.Name}/{item.Name} holds the password");
                read++;
            }
        }

        Assert.True(read > 0, "no blob was read");
    }

    private static JsonObject? FindObjectWith(JsonNode? node, string property) => node switch
    {
        JsonObject o when o.ContainsKey(property) => o,
        JsonObject o => o.Select(p => FindObjectWith(p.Value, property)).FirstOrDefault(f => f is not null),
        JsonArray a => a.Select(e => FindObjectWith(e, property)).FirstOrDefault(f => f is not null),
        _ => null,
    };
}
