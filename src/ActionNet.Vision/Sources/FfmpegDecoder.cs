using ActionNet.Abstractions.Cameras;
using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ActionNet.Vision.Sources;

/// <summary>
/// One running ffmpeg decoder: raw frames on <see cref="Output"/>, and on stderr one showinfo line per
/// frame (its stream time and the stream's own size) plus errors, collected for
/// <see cref="FfmpegErrorMap"/>. Killing is safe from any thread; disposing kills and reaps the process.
/// </summary>
internal sealed partial class FfmpegDecoder : IDisposable
{
    private const int KeptErrorLines = 20;
    private readonly Process _process;
    private readonly SourceUrl _redaction;
    private readonly ConcurrentQueue<ShowInfo> _frames = new();
    private readonly SemaphoreSlim _frameSeen = new(0);
    private readonly Queue<string> _errors = new();
    private readonly Lock _errorsLock = new();
    private long _framesSeen;

    private FfmpegDecoder(Process process, SourceUrl redaction)
    {
        _process = process;
        _redaction = redaction;
    }

    /// <summary>The raw bgr24 frames.</summary>
    public Stream Output { get; private set; } = Stream.Null;

    /// <summary>The ffmpeg process id.</summary>
    public int Id => _process.Id;

    /// <summary>Whether ffmpeg has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts ffmpeg and writes <paramref name="input"/> (the input list that holds the URL, see
    /// <see cref="FfmpegArguments.InputScript"/>) to its stdin; throws a one-line
    /// <see cref="VideoSourceException"/> when it cannot be run.
    /// </summary>
    public static FfmpegDecoder Start(string ffmpeg, IEnumerable<string> arguments, string? input, SourceUrl redaction)
    {
        var info = new ProcessStartInfo(ffmpeg)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info };
        var decoder = new FfmpegDecoder(process, redaction);
        process.ErrorDataReceived += (_, e) => decoder.OnStderr(e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            process.Dispose();
            throw new VideoSourceException($"{redaction.Display}: cannot run '{ffmpeg}' ({ex.Message}); install ffmpeg (Debian package 'ffmpeg')", ex) { Fault = StreamFault.DecoderFailed };
        }

        decoder.Output = process.StandardOutput.BaseStream;
        FfmpegInput.Write(process, input);
        process.BeginErrorReadLine();
        return decoder;
    }

    /// <summary>
    /// The showinfo record of delivered frame <paramref name="index"/> (0-based), waiting up to
    /// <paramref name="wait"/> for its line: ffmpeg logs it before writing the frame, but the stderr
    /// reader may lag the frame reader. Null when it did not come.
    /// </summary>
    public ShowInfo? FrameInfo(long index, TimeSpan wait)
    {
        var deadline = Environment.TickCount64 + (long)wait.TotalMilliseconds;
        while (true)
        {
            while (_frames.TryPeek(out var info) && info.Index <= index)
            {
                _frames.TryDequeue(out _);
                if (info.Index == index)
                {
                    return info;
                }
            }

            var left = deadline - Environment.TickCount64;
            if (left <= 0 || !_frameSeen.Wait(TimeSpan.FromMilliseconds(left)))
            {
                return null;
            }
        }
    }

    /// <summary>The error and fatal lines ffmpeg printed so far (the last few, credentials masked), oldest first.</summary>
    public IReadOnlyList<string> Errors()
    {
        lock (_errorsLock)
        {
            return [.. _errors];
        }
    }

    /// <summary>Waits for ffmpeg to exit and for its stderr to be read to the end; false when it is still running.</summary>
    public bool WaitForExit(TimeSpan timeout)
    {
        try
        {
            if (!_process.WaitForExit(timeout))
            {
                return false;
            }

            _process.WaitForExit();
            return true;
        }
        catch (InvalidOperationException)
        {
            // A read on another thread saw the decoder end and released it first: it has exited.
            return true;
        }
    }

    /// <summary>The exit code, or null while running.</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>Kills ffmpeg (SIGKILL); safe to call from any thread, any number of times.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception)
        {
            // Already exited: nothing to kill.
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Kill();
        _process.WaitForExit(TimeSpan.FromSeconds(10));
        _process.Dispose();
        _frameSeen.Dispose();
    }

    private void OnStderr(string? line)
    {
        if (line is null)
        {
            return;
        }

        var match = ShowInfoLine().Match(line);
        if (match.Success)
        {
            double? pts = double.TryParse(match.Groups["pts"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var t) ? t : null;
            var index = _framesSeen++;
            _frames.Enqueue(new ShowInfo(index, pts, int.Parse(match.Groups["w"].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture)));
            ReleaseQuietly();
            return;
        }

        if (line.Contains("[error]", StringComparison.Ordinal) || line.Contains("[fatal]", StringComparison.Ordinal))
        {
            lock (_errorsLock)
            {
                // ffmpeg names the URL it failed to open ("Impossible to open 'rtsp://user:pass@...'"): never keep that.
                _errors.Enqueue(_redaction.Scrub(line));
                if (_errors.Count > KeptErrorLines)
                {
                    _errors.Dequeue();
                }
            }
        }
    }

    private void ReleaseQuietly()
    {
        try
        {
            _frameSeen.Release();
        }
        catch (ObjectDisposedException)
        {
            // A last line raced the disposal; nobody waits for it any more.
        }
    }

    [GeneratedRegex(@"\bn:\s*\d+\s+pts:\s*\S+\s+pts_time:(?<pts>\S+).*?\bs:(?<w>\d+)x(?<h>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex ShowInfoLine();

    /// <summary>One showinfo line: the delivered frame's index, stream time in seconds (null for NOPTS) and the stream's own size.</summary>
    internal readonly record struct ShowInfo(long Index, double? StreamSeconds, int SourceWidth, int SourceHeight);
}
