using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ActionNet.LocalCluster;

namespace ActionNet.Cluster.Tests.Support;

/// <summary>
/// A minimal OpenID Connect issuer on loopback: its discovery document and signing key (JWKS) over HTTP, and RS256 tokens
/// signed with that key, so an API host configured with it validates them as it would a real identity provider's.
/// </summary>
public sealed class OidcIssuer : IAsyncDisposable
{
    private const string KeyId = "tests-key";
    private readonly RSA key = RSA.Create(2048);
    private readonly HttpListener listener = new();
    private Task? serving;

    /// <summary>The audience its tokens carry.</summary>
    public const string Audience = "actionnet-api";

    /// <summary>The port it listens on.</summary>
    public int Port { get; } = FreePorts.Take(1)[0];

    /// <summary>The issuer, also the authority the API is configured with.</summary>
    public string Authority => $"http://127.0.0.1:{Port}";

    /// <summary>Starts serving discovery and keys.</summary>
    public OidcIssuer Start()
    {
        listener.Prefixes.Add($"{Authority}/");
        listener.Start();
        serving = Task.Run(ServeAsync);
        return this;
    }

    /// <summary>A signed token valid for an hour with <paramref name="claims"/> (string or string-array values).</summary>
    public string Token(IReadOnlyDictionary<string, object> claims)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = new Dictionary<string, object>(claims) { ["iss"] = Authority, ["aud"] = Audience, ["iat"] = now, ["nbf"] = now - 60, ["exp"] = now + 3600 };
        var signed = $"{Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { alg = "RS256", kid = KeyId, typ = "JWT" }))}.{Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload))}";
        return $"{signed}.{Base64Url(key.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))}";
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        listener.Close();
        if (serving is not null)
        {
            await serving;
        }

        key.Dispose();
    }

    private async Task ServeAsync()
    {
        var parameters = key.ExportParameters(includePrivateParameters: false);
        var jwks = JsonSerializer.SerializeToUtf8Bytes(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = KeyId, n = Base64Url(parameters.Modulus!), e = Base64Url(parameters.Exponent!) } } });
        var discovery = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["issuer"] = Authority,
            ["jwks_uri"] = $"{Authority}/jwks",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        });
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var body = context.Request.Url?.AbsolutePath == "/jwks" ? jwks : discovery;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
