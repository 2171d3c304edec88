using System.Security.Cryptography;
using System.Text;

namespace ActionNet.Grains.Alerts;

/// <summary>The webhook body signature: <c>sha256=</c> and the lowercase hex HMAC-SHA256 of the body bytes, keyed with the UTF-8 bytes of the secret.</summary>
public static class AlertSignature
{
    /// <summary>The header the signature travels in.</summary>
    public const string Header = "X-ActionNet-Signature";

    /// <summary>The header value for <paramref name="body"/>.</summary>
    public static string Sign(string secret, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
    }
}
