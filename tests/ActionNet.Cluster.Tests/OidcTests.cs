using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ActionNet.Cluster.Tests.Support;

namespace ActionNet.Cluster.Tests;

/// <summary>
/// Sign-in with an identity provider's tokens (a real issuer on loopback, a real API host configured with it): the role
/// claim gives the role, the cameras claim limits the caller as a key's cameras do, and the document declares the scheme.
/// </summary>
[Collection(SharedClusterCollection.Name)]
public sealed class OidcTests(SharedClusterFixture fixture)
{
    private static readonly SolidColour Green = new(0, 255, 0);

    private TestCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task ATokensCamerasClaimLimitsItAsAKeysCamerasDoAndAnAdminTokenMayNotCarryOne()
    {
        await using var issuer = new OidcIssuer().Start();
        await using var api = await ApiSession.StartAsync(Cluster, new Dictionary<string, string?>
        {
            ["ActionNet__Api__Oidc__Authority"] = issuer.Authority,
            ["ActionNet__Api__Oidc__Audience"] = OidcIssuer.Audience,
            ["ActionNet__Api__Oidc__RequireHttpsMetadata"] = "false",
        });
        var prefix = TestCluster.NewCameraId("oidc");
        var (inside, outside) = ($"{prefix}-a", TestCluster.NewCameraId("oidcout"));
        try
        {
            await Cluster.RegisterAsync(inside, Green);
            await Cluster.RegisterAsync(outside, Green);
            var scoped = Client(api, issuer.Token(new Dictionary<string, object> { ["sub"] = "ana", ["roles"] = "operator", ["actionnet_cameras"] = $"{prefix}-*" }));
            var several = Client(api, issuer.Token(new Dictionary<string, object> { ["sub"] = "ben", ["roles"] = "viewer", ["actionnet_cameras"] = new[] { inside, "dock-1" } }));
            var everything = Client(api, issuer.Token(new Dictionary<string, object> { ["sub"] = "cy", ["roles"] = "viewer" }));
            var admin = Client(api, issuer.Token(new Dictionary<string, object> { ["sub"] = "di", ["roles"] = "admin", ["actionnet_cameras"] = "lobby-*" }));

            var me = await scoped.GetFromJsonAsync<JsonElement>("/api/v1/me");
            var listed = await scoped.GetFromJsonAsync<JsonElement[]>("/api/v1/cameras");
            using var refused = await scoped.GetAsync(new Uri($"/api/v1/cameras/{outside}", UriKind.Relative));
            var severalMe = await several.GetFromJsonAsync<JsonElement>("/api/v1/me");
            var all = await everything.GetFromJsonAsync<JsonElement[]>("/api/v1/cameras");
            using var adminAnswer = await admin.GetAsync(new Uri("/api/v1/cameras", UriKind.Relative));
            using var document = JsonDocument.Parse(await everything.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

            Assert.Equal("operator", me.GetProperty("role").GetString());
            Assert.Equal([$"{prefix}-*"], me.GetProperty("cameras").EnumerateArray().Select(c => c.GetString()));
            Assert.Equal([inside], listed!.Select(c => c.GetProperty("id").GetString()));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal([inside, "dock-1"], severalMe.GetProperty("cameras").EnumerateArray().Select(c => c.GetString()));
            Assert.Contains(all!, c => c.GetProperty("id").GetString() == outside);
            Assert.Equal(HttpStatusCode.Unauthorized, adminAnswer.StatusCode);
            Assert.Equal("openIdConnect", document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("oidc").GetProperty("type").GetString());
            Assert.Equal($"{issuer.Authority}/.well-known/openid-configuration", document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("oidc").GetProperty("openIdConnectUrl").GetString());
        }
        finally
        {
            await Cluster.RemoveQuietlyAsync(inside, outside);
        }
    }

    private static HttpClient Client(ApiSession api, string token)
    {
        var client = api.Client(key: null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
