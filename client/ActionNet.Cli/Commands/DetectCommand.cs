using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ActionNet.Cli.Output;
using ActionNet.Inference.Detection;
using ActionNet.Inference.Execution;
using ActionNet.Vision.Detection;
using ActionNet.Vision.Sources;
using OpenCvSharp;
using Spectre.Console;

namespace ActionNet.Cli.Commands;

/// <summary>
/// <c>actionnet detect &lt;video | clip-dir&gt; --detector &lt;onnx | hog&gt;</c>: the people (and, if asked, PeopleNet's
/// other classes) in every frame, boxes in source pixels; a table, or JSON
/// <c>{"frames":[{"index":0,"detections":[{"class":"person","confidence":0.93,"box":[x1,y1,x2,y2]}]}]}</c>.
/// </summary>
public static class DetectCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "a video file, or a clip folder with rgb/*.png frames" };
        var detector = new Option<string>("--detector", "-d") { Description = "hog (OpenCV's HOG people detector) or the path of a PeopleNet-contract .onnx file", Required = true };
        var threshold = NumberOptions.Decimal("--threshold", "least confidence: an ONNX detector's pre-cluster coverage threshold for every class (default PeopleNet's: person 0.4, others 0.2); for hog the logistic of the SVM margin (default 0.5)", 0, 1, minIncluded: true);
        var classes = new Option<string>("--classes") { Description = "comma-separated classes to keep, e.g. person,face", DefaultValueFactory = _ => PersonDetection.Person };
        var labels = new Option<FileInfo?>("--labels") { Description = "an ONNX detector's labels file, one class per line (default: <model>.labels.txt beside it, else person, bag, face)" };
        var providers = new Option<string>("--providers") { Description = "execution providers in preference order, comma-separated: tensorrt, cuda, cpu", DefaultValueFactory = _ => "tensorrt,cuda,cpu" };
        var minPersonHeight = NumberOptions.Whole("--min-person-height", "hog: upscale frames so a person this many source pixels tall fills the 128-pixel window", 1, 4096);
        var json = new Option<bool>("--json") { Description = "print JSON: every frame's detections, boxes in source pixels" };
        var command = new Command("detect", "find people in every frame of a video or clip folder") { input, detector, threshold, classes, labels, providers, minPersonHeight, json };
        command.SetAction((parse, cancellationToken) =>
        {
            var source = parse.GetRequiredValue(input);
            if (!File.Exists(source) && !Directory.Exists(source))
            {
                throw new CliInputException($"input '{source}' does not exist: expected a video file or a clip folder with rgb/*.png frames");
            }

            var kept = (parse.GetValue(classes) ?? PersonDetection.Person).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var spec = parse.GetRequiredValue(detector);
            var inference = new InferenceOptions { Providers = ModelOptions.ParseProviders(parse.GetValue(providers) ?? "cpu") };
            using var logging = CliLogging.Create();
            using var personDetector = PersonDetectors.Create(
                spec,
                new InferenceSessionFactory(inference, logging.CreateLogger("actionnet")),
                DetectionOptions(kept, parse.GetValue(threshold)),
                HogOptions(spec, kept, parse.GetValue(threshold), parse.GetValue(minPersonHeight)),
                parse.GetValue(labels)?.FullName);
            var run = CliConsole.WithProgress("detecting", progress => Detect(personDetector, source, progress, cancellationToken));
            if (run.Decode is { StoppedEarly: true } decode)
            {
                Console.Error.WriteLine($"warning: '{source}': {decode.Describe()}");
            }

            var provider = personDetector is PeopleNetDetector onnx ? ExecutionProviderAvailability.DisplayName(onnx.ActiveProvider) : "OpenCV";
            if (parse.GetValue(json))
            {
                CliJson.Write(new
                {
                    detector = personDetector.Name,
                    source,
                    provider,
                    width = run.Width,
                    height = run.Height,
                    msPerFrame = run.MillisecondsPerFrame,
                    frames = run.Frames.Select((detections, index) => new
                    {
                        index,
                        detections = detections.Select(d => new { @class = d.ClassName, confidence = d.Confidence, box = d.Box.ToArray() }),
                    }),
                });
                return Task.FromResult(0);
            }

            Print(run, personDetector.Name, provider);
            return Task.FromResult(0);
        });
        return command;
    }

    private static DetectorOptions DetectionOptions(string[] kept, double? threshold) => threshold is { } p
        ? new DetectorOptions { Classes = kept, PreClusterThreshold = (float)p, ClassThresholds = new Dictionary<string, float>() }
        : new DetectorOptions { Classes = kept };

    private static HogDetectorOptions? HogOptions(string spec, string[] kept, double? threshold, int? minPersonHeight)
    {
        if (!string.Equals(spec.Trim(), PersonDetectors.Hog, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!kept.Contains(PersonDetection.Person))
        {
            throw new CliInputException($"--classes {string.Join(",", kept)} is not usable with hog: it only finds person");
        }

        if (threshold is >= 1)
        {
            throw new CliInputException("--threshold 1 leaves the hog detector nothing to find: expected less than 1 (0.5 is an SVM margin of 0)");
        }

        return new HogDetectorOptions
        {
            HitThreshold = threshold switch
            {
                null => 0,
                0 => double.MinValue,
                double p => HogPersonDetector.Margin(p),
            },
            MinPersonHeight = minPersonHeight ?? 0,
        };
    }

    private static DetectionRun Detect(IPersonDetector detector, string source, Action<int, int, string> progress, CancellationToken cancellationToken)
    {
        var frames = new List<IReadOnlyList<PersonDetection>>();
        var clock = new Stopwatch();
        var (width, height) = (0, 0);
        void OnFrame(Mat frame, int total)
        {
            cancellationToken.ThrowIfCancellationRequested();
            (width, height) = (frame.Width, frame.Height);
            clock.Start();
            frames.Add(detector.Detect(frame));
            clock.Stop();
            progress(frames.Count, Math.Max(total, frames.Count), $"frame {frames.Count - 1}");
        }

        DecodeReport? decode = null;
        if (Directory.Exists(source))
        {
            var clip = FramesDirectory.Open(source);
            if (!clip.HasRgb)
            {
                throw new CliInputException($"clip folder '{source}' has no rgb/ frames: expected rgb/*.png");
            }

            for (var i = 0; i < clip.RgbFiles.Count; i++)
            {
                using var frame = clip.ReadRgb(i);
                OnFrame(frame, clip.RgbFiles.Count);
            }
        }
        else
        {
            using var reader = VideoFileReader.Open(source);
            decode = reader.ReadAll((_, frame) => OnFrame(frame, reader.FramesClaimed), cancellationToken);
        }

        return new DetectionRun(frames, width, height, frames.Count == 0 ? 0 : clock.Elapsed.TotalMilliseconds / frames.Count, decode);
    }

    private static void Print(DetectionRun run, string detector, string provider)
    {
        var table = new Table().AddColumns("frame", "class", "confidence", "box (x1, y1, x2, y2)");
        for (var i = 0; i < run.Frames.Count; i++)
        {
            foreach (var d in run.Frames[i])
            {
                table.AddRow($"{i}", Markup.Escape(d.ClassName), d.Confidence.ToString("F3", CultureInfo.InvariantCulture), Markup.Escape(d.Box.ToString()));
            }
        }

        CliConsole.Out.Write(table);
        var detections = run.Frames.Sum(f => f.Count);
        var withAny = run.Frames.Count(f => f.Count > 0);
        CliConsole.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{detector} on {provider}: {detections} detection(s) in {withAny} of {run.Frames.Count} frame(s) of {run.Width}x{run.Height}, {run.MillisecondsPerFrame:F1} ms per frame"));
    }

    private sealed record DetectionRun(IReadOnlyList<IReadOnlyList<PersonDetection>> Frames, int Width, int Height, double MillisecondsPerFrame, DecodeReport? Decode);
}
