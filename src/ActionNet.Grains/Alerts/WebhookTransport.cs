using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ActionNet.Abstractions.Alerts;
using ActionNet.Storage.Alerts;
using Microsoft.Extensions.Options;

namespace ActionNet.Grains.Alerts;

/// <summary>
/// POSTs a delivery's JSON body to its webhook URL with <c>X-ActionNet-Signature</c> (<see cref="AlertSignature"/>),
/// <c>Idempotency-Key</c> (the firing id) and <c>X-ActionNet-Delivery</c> (the delivery id). A 2xx answer is
/// delivered; 408, 429, 5xx, timeouts and network errors are retried; any other answer (redirects included,
/// which are not followed) is refused for good. Errors name the receiver by host and port only.
/// </summary>
public sealed class WebhookTransport(IHttpClientFactory clients, IOptions<AlertOptions> options) : IAlertTransport
{
    /// <summary>The named HTTP client (no redirects, no request logging).</summary>
    public const string ClientName = "actionnet-alerts";

    private readonly AlertOptions settings = options.Value;

    /// <inheritdoc/>
    public AlertTarget Target => AlertTarget.Webhook;

    /// <inheritdoc/>
    public async Task SendAsync(AlertOutboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (settings.WebhookSecret.Length == 0)
        {
            throw new AlertSendException($"{AlertOptions.SectionName}:{nameof(AlertOptions.WebhookSecret)} is not set, so the body cannot be signed", permanent: true);
        }

        if (!Uri.TryCreate(entry.WebhookUrl, UriKind.Absolute, out var url))
        {
            throw new AlertSendException("the delivery has no webhook URL", permanent: true);
        }

        var body = Encoding.UTF8.GetBytes(entry.Body);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(AlertSignature.Header, AlertSignature.Sign(settings.WebhookSecret, body));
        request.Headers.Add("Idempotency-Key", entry.Delivery.FiringId);
        request.Headers.Add("X-ActionNet-Delivery", entry.Delivery.Id);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.RequestTimeoutSeconds));
        var receiver = url.Authority;
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            var retry = response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || status >= 500;
            throw new AlertSendException($"HTTP {status} from {receiver}{(retry ? "" : ": the receiver refused the delivery")}", permanent: !retry);
        }
        catch (HttpRequestException e)
        {
            throw new AlertSendException($"{receiver}: {OneLine(e.Message)}", permanent: false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AlertSendException($"{receiver} did not answer within {settings.RequestTimeoutSeconds} s", permanent: false);
        }
    }

    private static string OneLine(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length > 200 ? line[..200] + "..." : line;
    }
}
