using System.Net;
using System.Net.Sockets;
using ActionNet.Abstractions.Cameras;
using Microsoft.Extensions.Options;

namespace ActionNet.Grains.Egress;

/// <summary>
/// The one check of where a silo connects for a user (<see cref="EgressOptions"/>): a camera's stream at registration and at
/// every start, a webhook's URL when its rule is stored and, at the moment of connecting, every webhook delivery
/// (<see cref="ConnectAsync"/>, so a name that resolves elsewhere later is still caught). A host name is resolved and refused
/// when any of its addresses is denied; a name that does not resolve is left to the connection, which then fails on its own.
/// </summary>
public sealed class EgressPolicy(IOptions<EgressOptions> options)
{
    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(5);
    private readonly IPNetwork[] deny = [.. options.Value.Deny.Select(Range)];
    private readonly IPNetwork[] allow = [.. options.Value.Allow.Select(Range)];

    /// <summary>Whether the silo may connect to <paramref name="address"/>.</summary>
    public bool Allows(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var normal = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return allow.Any(r => r.Contains(normal)) || !deny.Any(r => r.Contains(normal));
    }

    /// <summary>
    /// Why the URL <paramref name="url"/>, given as <paramref name="what"/> (a camera source, a webhookUrl), may not be reached,
    /// or null: its host is or resolves to a denied address. Not a URL (a file), or a name that does not resolve: null.
    /// </summary>
    public async Task<string?> UrlProblemAsync(string what, string url, CancellationToken cancellationToken = default)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.IsFile || string.IsNullOrEmpty(uri.IdnHost))
        {
            return null;
        }

        var denied = (await ResolveAsync(uri.IdnHost, cancellationToken)).FirstOrDefault(a => !Allows(a));
        return denied is null
            ? null
            : $"{what} '{CameraInputRules.Quote(SourceUrl.Redact(url))}' reaches {denied}, a link-local or cloud metadata address that {EgressOptions.SectionName}:{nameof(EgressOptions.Deny)} refuses (name it in {EgressOptions.SectionName}:{nameof(EgressOptions.Allow)} to let it through)";
    }

    /// <summary>
    /// Connects a socket to the first allowed address of the request's host: the <see cref="SocketsHttpHandler.ConnectCallback"/>
    /// of every webhook delivery, so no request ever leaves for a denied address.
    /// </summary>
    /// <exception cref="HttpRequestException">Every address of the host is denied (or it resolves to none).</exception>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endpoint = context.DnsEndPoint;
        var addresses = await ResolveAsync(endpoint.Host, cancellationToken);
        var allowed = addresses.Where(Allows).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException(addresses.Length == 0
                ? $"{endpoint.Host} resolves to no address"
                : $"{endpoint.Host} resolves to {addresses[0]}, which {EgressOptions.SectionName}:{nameof(EgressOptions.Deny)} refuses");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        var bare = host.Trim('[', ']');
        if (IPAddress.TryParse(bare, out var literal))
        {
            return [literal];
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ResolveTimeout);
        try
        {
            return await Dns.GetHostAddressesAsync(bare, timeout.Token);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return [];
        }
    }

    private static IPNetwork Range(string text) =>
        IPNetwork.TryParse(text, out var range) ? range : new IPNetwork(IPAddress.Parse(text), IPAddress.Parse(text).AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
}
