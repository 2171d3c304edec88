using System.Diagnostics;
using ActionNet.Inference.Contracts;
using ActionNet.Inference.Execution;
using ActionNet.Inference.Packing;
using ActionNet.Inference.Scoring;
using ActionNet.Vision.Clips;
using Microsoft.ML.OnnxRuntime;

namespace ActionNet.Cli.Benchmarks;

/// <summary>
/// Measures a model's windows per second at several batch sizes, raw ONNX Runtime and through
/// <see cref="ActionModel.Score(IReadOnlyList{ClipInput})"/>, in the same process and run.
/// </summary>
public static class ModelBenchmark
{
    /// <summary>Runs each batch size for about <paramref name="budget"/> (at least <paramref name="minRuns"/> runs of each kind).</summary>
    public static ModelBenchResult Run(ActionModel model, ProviderSession raw, int batch, TimeSpan budget, int minRuns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(raw);
        var contract = model.Contract;
        var random = new Random(batch);
        var clips = Enumerable.Range(0, batch).Select(_ => RandomClip(contract, random)).ToList();

        var names = contract.Inputs.Select(i => i.Name).ToArray();
        var tensors = contract.Inputs.Select(spec =>
        {
            var data = new float[spec.ElementsPerClip * batch];
            for (var i = 0; i < data.Length; i++)
            {
                data[i] = ClipPacker.Normalise((byte)random.Next(256));
            }

            return OrtValue.CreateTensorValueFromMemory(data, ClipPacker.ShapeOf(spec, batch));
        }).ToArray();
        try
        {
            using var runOptions = new RunOptions();
            var rawTimes = Time(() =>
            {
                using var outputs = raw.Session.Run(runOptions, names, tensors, [contract.OutputName]);
            });
            var scoredTimes = Time(() => model.Score(clips));
            return new ModelBenchResult(
                batch,
                Math.Min(rawTimes.Count, scoredTimes.Count),
                batch / rawTimes.Average(),
                batch / scoredTimes.Average(),
                Median(rawTimes) * 1000,
                Median(scoredTimes) * 1000);
        }
        finally
        {
            foreach (var tensor in tensors)
            {
                tensor.Dispose();
            }
        }

        List<double> Time(Action action)
        {
            action(); // warm-up: first runs allocate arenas and, on GPU, build kernels or engines
            action();
            var times = new List<double>();
            var clock = Stopwatch.StartNew();
            while (times.Count < minRuns || clock.Elapsed < budget)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var start = clock.Elapsed;
                action();
                times.Add((clock.Elapsed - start).TotalSeconds);
            }

            return times;
        }
    }

    private static ClipInput RandomClip(ModelContract contract, Random random)
    {
        ClipFrames? Frames(ModelInputSpec? spec)
        {
            if (spec is null)
            {
                return null;
            }

            var data = new byte[spec.Frames * spec.Height * spec.Width * spec.Channels];
            random.NextBytes(data);
            return new ClipFrames(spec.Kind, spec.Frames, spec.Height, spec.Width, data);
        }

        return new ClipInput([.. Enumerable.Range(0, contract.Frames)], Frames(contract.Rgb), Frames(contract.Flow));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
