using ActionNet.Abstractions.Cameras;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace ActionNet.Vision.Sources;

/// <summary>What ffprobe learned about a source's first video stream before decoding starts.</summary>
/// <param name="Width">Frame width in pixels as displayed (rotation applied).</param>
/// <param name="Height">Frame height in pixels as displayed.</param>
/// <param name="FramesPerSecond">Average (else nominal) frame rate; 0 when the stream does not say.</param>
/// <param name="Codec">Codec name, e.g. "h264".</param>
internal sealed record StreamProbe(int Width, int Height, double FramesPerSecond, string Codec)
{
    /// <summary>
    /// Runs ffprobe with the same transport and timeout options as the decoder. Throws a one-line
    /// <see cref="VideoSourceException"/> naming the redacted URL when the source cannot be opened or has no video.
    /// </summary>
    public static StreamProbe Run(string url, FfmpegSourceOptions options, SourceUrl redaction, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(options.FfprobePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in FfmpegArguments.Probe(url, options))
        {
            info.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new VideoSourceException($"{redaction.Display}: cannot run '{options.FfprobePath}' ({ex.Message}); install ffmpeg (Debian package 'ffmpeg')", ex) { Fault = StreamFault.DecoderFailed };
        }

        FfmpegInput.Write(process, FfmpegArguments.InputScript(url, options));
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.ProbeTimeout);
        try
        {
            process.WaitForExitAsync(deadline.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            cancellationToken.ThrowIfCancellationRequested();
            throw new VideoSourceException($"{redaction.Display}: no stream information within {options.ProbeTimeout.TotalSeconds:0.#} s (host not answering, or no video arriving)") { Fault = StreamFault.TimedOut };
        }

        var json = stdout.GetAwaiter().GetResult();
        var errors = stderr.GetAwaiter().GetResult().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (process.ExitCode != 0)
        {
            var (fault, reason) = FfmpegErrorMap.Explain(errors, process.ExitCode, redaction);
            throw new VideoSourceException($"{redaction.Display}: {reason}") { Fault = fault };
        }

        return Parse(json) ?? throw new VideoSourceException($"{redaction.Display}: no video stream in the source (audio only, or nothing decodable)") { Fault = StreamFault.InvalidData };
    }

    private static StreamProbe? Parse(string json)
    {
        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json);
        if (!document.RootElement.TryGetProperty("streams", out var streams) || streams.GetArrayLength() == 0)
        {
            return null;
        }

        var stream = streams[0];
        var width = stream.TryGetProperty("width", out var w) ? w.GetInt32() : 0;
        var height = stream.TryGetProperty("height", out var h) ? h.GetInt32() : 0;
        if (width <= 0 || height <= 0)
        {
            return null;
        }

        // ffmpeg rotates frames by the display matrix by default, so a portrait phone clip arrives as
        // height x width.
        if (Math.Abs(Rotation(stream)) % 180 == 90)
        {
            (width, height) = (height, width);
        }

        var fps = Rate(stream, "avg_frame_rate");
        if (fps <= 0 || fps > 1000)
        {
            fps = Rate(stream, "r_frame_rate");
        }

        var codec = stream.TryGetProperty("codec_name", out var c) ? c.GetString() ?? "?" : "?";
        return new StreamProbe(width, height, fps is > 0 and <= 1000 ? fps : 0, codec);
    }

    private static int Rotation(JsonElement stream)
    {
        if (stream.TryGetProperty("side_data_list", out var sideData))
        {
            foreach (var item in sideData.EnumerateArray())
            {
                if (item.TryGetProperty("rotation", out var rotation) && rotation.ValueKind == JsonValueKind.Number)
                {
                    return (int)Math.Round(rotation.GetDouble());
                }
            }
        }

        return stream.TryGetProperty("tags", out var tags) && tags.TryGetProperty("rotate", out var rotate)
            && int.TryParse(rotate.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var degrees)
            ? degrees
            : 0;
    }

    private static double Rate(JsonElement stream, string name)
    {
        if (!stream.TryGetProperty(name, out var value) || value.GetString() is not { } text)
        {
            return 0;
        }

        var parts = text.Split('/');
        return parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var num)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var den)
            && den > 0
            ? num / den
            : 0;
    }
}
