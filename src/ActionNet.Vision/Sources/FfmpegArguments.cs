using System.Globalization;
using ActionNet.Vision.Frames;

namespace ActionNet.Vision.Sources;

/// <summary>The ffprobe and ffmpeg command lines for one source, so probe and decoder open the input the same way.</summary>
internal static class FfmpegArguments
{
    /// <summary>Whether the source is a network stream (as opposed to a local file or device path).</summary>
    public static bool IsNetwork(string url) => Scheme(url) is "rtsp" or "rtsps" or "http" or "https";

    /// <summary>
    /// Input options and the input itself. A local file is named after <c>-i</c> (with looping and pacing
    /// options). A network URL never appears in the arguments, where any local user could read its
    /// credentials (<c>/proc/PID/cmdline</c>, <c>ps</c>): ffmpeg reads it from stdin as a one-entry
    /// ffconcat list (<see cref="InputScript"/>), with the transport and timeout options beside it.
    /// </summary>
    public static List<string> Input(string url, FfmpegSourceOptions options, bool cuda, bool probe)
    {
        var args = new List<string>();
        if (IsNetwork(url))
        {
            // ffmpeg's 5 s default makes a camera wait seconds for its first frame, twice (probe, then decoder).
            args.AddRange(["-analyzeduration", Microseconds(options.AnalyzeDuration)]);
        }
        else
        {
            if (!probe && options.Loop)
            {
                args.AddRange(["-stream_loop", "-1"]);
            }

            if (!probe && options.RealTime)
            {
                args.Add("-re");
            }
        }

        if (cuda && !probe)
        {
            args.AddRange(["-hwaccel", "cuda"]);
        }

        if (IsNetwork(url))
        {
            // "file" is left off the whitelist: a playlist from the network may not make ffmpeg read local files.
            args.AddRange(["-f", "concat", "-safe", "0", "-protocol_whitelist", NetworkProtocols, "-i", "pipe:0"]);
        }
        else
        {
            args.AddRange(["-i", url]);
        }

        return args;
    }

    /// <summary>
    /// What ffmpeg or ffprobe must read on stdin for <paramref name="url"/>: for a network stream an ffconcat
    /// list holding the URL and its per-protocol options; null for a local file (named in the arguments).
    /// </summary>
    /// <exception cref="VideoSourceException">The URL holds a control character (it could end the list's line).</exception>
    public static string? InputScript(string url, FfmpegSourceOptions options)
    {
        if (!IsNetwork(url))
        {
            return null;
        }

        if (url.Any(char.IsControl))
        {
            throw new VideoSourceException("the source URL holds a control character; expected printable characters only") { Fault = StreamFault.InvalidData };
        }

        // Schemes compare case-insensitively (RFC 3986), but ffmpeg's protocol lookup does not: "RTSP://" is "Protocol not found".
        url = Scheme(url) + url[url.IndexOf("://", StringComparison.Ordinal)..];
        var timeout = Microseconds(options.IoTimeout);
        var script = new System.Text.StringBuilder("ffconcat version 1.0\n");

        // Inside single quotes everything is literal; a quote itself closes, is escaped, and reopens.
        script.Append("file '").Append(url.Replace("'", "'\\''", StringComparison.Ordinal)).Append("'\n");
        script.Append("option analyzeduration ").Append(Microseconds(options.AnalyzeDuration)).Append('\n');
        switch (Scheme(url))
        {
            case "rtsp" or "rtsps":
                // -timeout is the RTSP demuxer's socket timeout in ffmpeg 5+ (4.x called it -stimeout);
                // it bounds the connect and the handshake, not a silent stream: the stall watchdog does that.
                script.Append("option rtsp_transport ").Append(options.RtspTransport).Append('\n');
                script.Append("option timeout ").Append(timeout).Append('\n');
                break;
            default:
                script.Append("option rw_timeout ").Append(timeout).Append('\n');
                break;
        }

        return script.ToString();
    }

    /// <summary>ffprobe: the first video stream's size, rate and codec as JSON on stdout.</summary>
    public static List<string> Probe(string url, FfmpegSourceOptions options)
    {
        var args = new List<string> { "-hide_banner", "-v", "error", "-of", "json", "-show_streams", "-select_streams", "v:0" };
        args.AddRange(Input(url, options, cuda: false, probe: true));
        return args;
    }

    /// <summary>
    /// ffmpeg: decode the first video stream to raw frames on stdout, one <c>showinfo</c> line per delivered
    /// frame on stderr. Full-size mode: bgr24 frames of exactly <paramref name="frameWidth"/> x
    /// <paramref name="frameHeight"/>. Model-frame mode (<see cref="FfmpegSourceOptions.ModelFrame"/> set):
    /// frames of the model's H x W in <see cref="OutputFormat"/>, the region and centre crop placed in
    /// <paramref name="frameWidth"/> x <paramref name="frameHeight"/> coordinates, scaled on the GPU when
    /// <paramref name="cuda"/> is set.
    /// </summary>
    public static List<string> Decode(string url, FfmpegSourceOptions options, bool cuda, int frameWidth, int frameHeight)
    {
        // Log level info is needed for showinfo's per-frame lines; "level+" tags each line with its
        // severity so errors can be told from chatter.
        var args = new List<string> { "-hide_banner", "-nostdin", "-nostats", "-loglevel", "level+info" };
        if (cuda && options.ModelFrame is not null)
        {
            // Decoded frames stay in GPU memory for scale_cuda; only model-sized frames are downloaded.
            args.AddRange(["-hwaccel_output_format", "cuda"]);
        }

        args.AddRange(Input(url, options, cuda, probe: false));
        var filters = options.ModelFrame is not { } shape ? FullFrameFilters(options, frameWidth, frameHeight)
            : cuda ? GpuModelFrameFilters(options, shape, frameWidth, frameHeight)
            : CpuModelFrameFilters(options, shape, frameWidth, frameHeight);
        args.AddRange(["-map", "0:v:0", "-an", "-sn", "-dn", "-vf", filters]);

        // Passthrough: every frame that leaves the filter graph is written once, so the k-th showinfo
        // line belongs to the k-th frame on the pipe (ffmpeg's default for rawvideo could duplicate or drop).
        args.AddRange(["-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", PixelFormatName(OutputFormat(options)), "pipe:1"]);
        return args;
    }

    /// <summary>
    /// The layout of the frames <see cref="Decode"/> asks ffmpeg to write: full-size BGR, or for model frames
    /// model-sized planar YUV 4:4:4. Planar YUV is what ffmpeg writes cheapest (its packed RGB output is
    /// scalar C), 4:4:4 keeps chroma at model resolution (4:2:0 doubled the difference to classify), and
    /// the conversion of a model-sized frame to RGB then costs little in process.
    /// </summary>
    public static RawPixelFormat OutputFormat(FfmpegSourceOptions options) =>
        options.ModelFrame is null ? RawPixelFormat.Bgr24 : RawPixelFormat.Yuv444;

    // swscale has no 2-tap downscaler like OpenCV's INTER_LINEAR (its bilinear widens with the scale
    // factor); of the flags measured against classify (README) area comes closest and costs no more.
    private const string ScalerFlags = "area";

    private static string PixelFormatName(RawPixelFormat format) => format switch
    {
        RawPixelFormat.Bgr24 => "bgr24",
        _ => "yuv444p",
    };

    private static List<string> CommonFilters(FfmpegSourceOptions options)
    {
        var filters = new List<string>();
        if (options.MaxFramesPerSecond > 0)
        {
            // Drop-only rate cap on stream time: keep a frame when at least 1/cap (less 2% for timestamp
            // jitter) has passed since the last kept one. The fps filter would duplicate frames of slower streams.
            var gap = (0.98 / options.MaxFramesPerSecond).ToString("0.######", CultureInfo.InvariantCulture);
            filters.Add($"select='isnan(prev_selected_t)+gte(t-prev_selected_t\\,{gap})'");
        }

        // showinfo before scaling reports the stream's own size (s:WxH), so a mid-stream change is seen.
        // Checksums off: only pts_time and the size are read, and hashing every frame costs real CPU.
        filters.Add("showinfo=checksum=0");
        return filters;
    }

    private static string FullFrameFilters(FfmpegSourceOptions options, int width, int height)
    {
        var filters = CommonFilters(options);

        // A fixed output size keeps the pipe's frame size constant even when the camera changes resolution.
        filters.Add($"scale={width}:{height}:flags=bilinear");
        filters.Add("format=bgr24");
        return string.Join(',', filters);
    }

    private static string CpuModelFrameFilters(FfmpegSourceOptions options, ModelFrameShape shape, int frameWidth, int frameHeight)
    {
        shape.Validate();
        var filters = CommonFilters(options);
        var region = shape.RegionIn(frameWidth, frameHeight);
        var resized = shape.ResizedSize(region.Width, region.Height);
        var crop = shape.CropIn(resized);
        if (region.Width != frameWidth || region.Height != frameHeight)
        {
            // In the coordinates of the full-size frame: a stream that changes resolution keeps the same part
            // of the picture, as the full-size path (scaled back to the first size) does. Cropping is free.
            filters.Add($"crop=w={region.Width}*iw/{frameWidth}:h={region.Height}*ih/{frameHeight}:x={region.X}*iw/{frameWidth}:y={region.Y}*ih/{frameHeight}:exact=1");
        }

        filters.Add($"scale={resized.Width}:{resized.Height}:flags={ScalerFlags}");
        if (resized.Width != shape.Width || resized.Height != shape.Height)
        {
            filters.Add($"crop={shape.Width}:{shape.Height}:{crop.X}:{crop.Y}:exact=1");
        }

        filters.Add("format=yuv444p");
        return string.Join(',', filters);
    }

    private static string GpuModelFrameFilters(FfmpegSourceOptions options, ModelFrameShape shape, int frameWidth, int frameHeight)
    {
        shape.Validate();
        var filters = CommonFilters(options);
        var region = shape.RegionIn(frameWidth, frameHeight);
        var resized = shape.ResizedSize(region.Width, region.Height);
        var crop = shape.CropIn(resized);

        // scale_cuda cannot crop: scale the whole frame so that the region comes out at its resized size,
        // download that and crop on the CPU. Without a region or centre crop only the model frame is downloaded.
        var scaledWidth = (int)Math.Round(frameWidth * (double)resized.Width / region.Width);
        var scaledHeight = (int)Math.Round(frameHeight * (double)resized.Height / region.Height);
        var x = (int)Math.Round(region.X * (double)resized.Width / region.Width) + crop.X;
        var y = (int)Math.Round(region.Y * (double)resized.Height / region.Height) + crop.Y;
        filters.Add($"scale_cuda={scaledWidth}:{scaledHeight}:interp_algo=bilinear:format=yuv444p");
        filters.Add("hwdownload");
        filters.Add("format=yuv444p");
        if (scaledWidth != shape.Width || scaledHeight != shape.Height)
        {
            filters.Add($"crop={shape.Width}:{shape.Height}:{x}:{y}:exact=1");
        }

        return string.Join(',', filters);
    }

    // Network streams may use only these protocols (RTSP's RTP over TCP/UDP, TLS, HTTP(S), HLS's crypto).
    private const string NetworkProtocols = "pipe,tcp,udp,rtp,srtp,tls,http,https,httpproxy,crypto,rtsp,rtsps";

    private static string Microseconds(TimeSpan value) =>
        ((long)value.TotalMicroseconds).ToString(CultureInfo.InvariantCulture);

    private static string Scheme(string url)
    {
        var end = url.IndexOf("://", StringComparison.Ordinal);
        return end <= 0 ? string.Empty : url[..end].ToLowerInvariant();
    }
}
