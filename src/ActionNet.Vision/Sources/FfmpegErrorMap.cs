using ActionNet.Abstractions.Cameras;
namespace ActionNet.Vision.Sources;

/// <summary>
/// Turns ffmpeg's and ffprobe's stderr into one line a user can act on, plus a <see cref="StreamFault"/>.
/// The messages matched are ffmpeg 5's (e.g. "Server returned 401 Unauthorized (authorization failed)",
/// "Connection to tcp://h:p failed: Connection refused").
/// </summary>
internal static class FfmpegErrorMap
{
    private static readonly (string Text, StreamFault Fault, string Reason)[] Known =
    [
        ("401 Unauthorized", StreamFault.Unauthorized, "401 Unauthorized (check the credentials)"),
        ("403 Forbidden", StreamFault.Forbidden, "403 Forbidden (the account may not view this stream)"),
        ("404 Not Found", StreamFault.NotFound, "404 Not Found (wrong path?)"),
        ("Connection refused", StreamFault.ConnectionRefused, "connection refused (nothing listens on that port: is the camera or server up?)"),
        ("Connection timed out", StreamFault.TimedOut, "connection timed out (host down, firewalled or not answering)"),
        ("No route to host", StreamFault.HostUnreachable, "no route to host (wrong address or network down?)"),
        ("Network is unreachable", StreamFault.HostUnreachable, "network is unreachable"),
        ("Temporary failure in name resolution", StreamFault.HostUnreachable, "host name does not resolve (DNS down?)"),
        ("Name or service not known", StreamFault.UnknownHost, "unknown host name (no such host: check the address)"),
        ("No address associated with hostname", StreamFault.UnknownHost, "unknown host name (no such host: check the address)"),
        ("Failed to resolve hostname", StreamFault.HostUnreachable, "host name does not resolve"),
        ("No such file or directory", StreamFault.NotFound, "no such file (check the path)"),
        ("Permission denied", StreamFault.Forbidden, "permission denied reading the file"),
        ("moov atom not found", StreamFault.InvalidData, "not a readable video: 'moov atom not found' (a truncated or unfinished MP4)"),
        ("Server returned 5", StreamFault.ServerError, "the server failed (HTTP/RTSP 5xx)"),
        ("Invalid data found when processing input", StreamFault.InvalidData, "no readable video stream (not a video source, corrupt or truncated, or it sent nothing within the I/O timeout)"),
        ("Connection reset by peer", StreamFault.DecoderFailed, "connection reset by the server"),
        ("End of file", StreamFault.EndOfStream, "the stream ended"),
    ];

    /// <summary>
    /// Classifies the error lines (newest last) of a failed run. Returns the fault and a reason without the
    /// URL; unknown errors keep ffmpeg's own last error line, scrubbed of credentials.
    /// </summary>
    public static (StreamFault Fault, string Reason) Explain(IReadOnlyList<string> errorLines, int? exitCode, SourceUrl redaction)
    {
        foreach (var (text, fault, reason) in Known)
        {
            if (errorLines.Any(l => l.Contains(text, StringComparison.OrdinalIgnoreCase)))
            {
                return (fault, reason);
            }
        }

        if (errorLines.Count > 0)
        {
            return (StreamFault.DecoderFailed, "ffmpeg failed: " + Trim(redaction.Scrub(errorLines[^1])));
        }

        return exitCode is int code && code != 0
            ? (StreamFault.DecoderFailed, $"ffmpeg exited with code {code} and no error message")
            : (StreamFault.Unknown, "ffmpeg stopped without an error message");
    }

    /// <summary>Whether the lines say ffmpeg could not set up CUDA decoding (no GPU, no driver, no libcuda).</summary>
    public static bool IsCudaSetupFailure(IEnumerable<string> errorLines) => errorLines.Any(l =>
        l.Contains("libcuda", StringComparison.OrdinalIgnoreCase)
        || l.Contains("Device creation failed", StringComparison.OrdinalIgnoreCase)
        || l.Contains("No device available for decoder", StringComparison.OrdinalIgnoreCase)
        || l.Contains("Device setup failed", StringComparison.OrdinalIgnoreCase)
        || l.Contains("hwaccel initialisation returned error", StringComparison.OrdinalIgnoreCase)
        || l.Contains("CUDA_ERROR", StringComparison.Ordinal));

    /// <summary>A decoder line without its "[component @ 0x...] [error]" prefixes, on one line.</summary>
    public static string Trim(string line)
    {
        var text = line.Trim();
        while (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                break;
            }

            text = text[(close + 1)..].TrimStart();
        }

        return text.ReplaceLineEndings(" ");
    }
}
