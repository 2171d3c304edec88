using System.Globalization;
using System.Net;
namespace ActionNet.Client;

/// <summary>Where a cluster is: its clustering mode, gateways or storage, and its ids.</summary>
/// <param name="Clustering">localhost or azuretable.</param>
/// <param name="Gateways">Comma-separated host:port gateways (localhost clustering).</param>
/// <param name="Storage">Storage connection string (azuretable clustering).</param>
/// <param name="ClusterId">Orleans cluster id.</param>
/// <param name="ServiceId">Orleans service id.</param>
public sealed record ClusterEndpoint(string Clustering, string Gateways, string? Storage, string ClusterId, string ServiceId)
{
    /// <summary>A cluster reached through loopback gateways whose cluster id is also its service id (local clusters, tests, drills).</summary>
    public static ClusterEndpoint Local(string gateways, string clusterId) => new("localhost", gateways, null, clusterId, clusterId);

    /// <summary>Whether the membership table in the storage account is used.</summary>
    public bool UsesAzureTable => Clustering.Equals("azuretable", StringComparison.OrdinalIgnoreCase);

    /// <summary>The gateway endpoints, parsed.</summary>
    /// <exception cref="FormatException">An endpoint is not host:port.</exception>
    public IPEndPoint[] GatewayEndpoints() =>
        [.. Gateways.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Parse)];

    /// <summary>What the CLI tried to reach, for error messages (never a connection string).</summary>
    public string Describe() => UsesAzureTable ? "the cluster in the storage account's membership table" : $"gateway {Gateways}";

    private static IPEndPoint Parse(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon > 0
            && int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            && port is > 0 and < 65536)
        {
            var host = text[..colon];
            if (IPAddress.TryParse(host, out var address))
            {
                return new IPEndPoint(address, port);
            }

            var resolved = Dns.GetHostAddresses(host).FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork);
            if (resolved is not null)
            {
                return new IPEndPoint(resolved, port);
            }
        }

        throw new FormatException($"gateway '{text}' is invalid: expected host:port, e.g. 127.0.0.1:30000");
    }
}
