using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using ActionNet.Abstractions.Alerts;
using ActionNet.LocalCluster;

namespace ActionNet.Cluster.Tests.Support;

/// <summary>
/// A real HTTP receiver on a loopback port (HttpListener) that records every POST and checks its signature
/// with its own HMAC-SHA256 of the body. It can be started late (the port is chosen up front) to play a
/// receiver that was down.
/// </summary>
public sealed class WebhookReceiver(string secret) : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedWebhook> received = new();
    private HttpListener? listener;
    private Task? accepting;

    /// <summary>The port, free when the receiver was made.</summary>
    public int Port { get; } = FreePorts.Take(1)[0];

    /// <summary>The URL rules point at.</summary>
    public string Url => $"http://127.0.0.1:{Port}/hook";

    /// <summary>Requests so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedWebhook> Received => [.. received];

    /// <summary>Starts listening.</summary>
    public WebhookReceiver Start()
    {
        listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        accepting = Task.Run(AcceptAsync);
        return this;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        listener?.Close();
        if (accepting is not null)
        {
            await accepting;
        }
    }

    private async Task AcceptAsync()
    {
        while (listener is { IsListening: true } open)
        {
            HttpListenerContext context;
            try
            {
                context = await open.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var raw = body.ToArray();
            var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), raw));
            var signature = context.Request.Headers["X-ActionNet-Signature"] ?? "";
            received.Enqueue(new ReceivedWebhook(
                DateTimeOffset.UtcNow,
                CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature)),
                context.Request.Headers["Idempotency-Key"] ?? "",
                context.Request.Headers["X-ActionNet-Delivery"] ?? "",
                AlertNotification.Parse(raw),
                raw));
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }
}
