using ActionNet.Onnx;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace ActionNet.Training;

/// <summary>
/// Fits a demo model's linear layer: standardises the features, fits ML.NET's L-BFGS maximum-entropy
/// trainer (one thread, the options' seed and L2), and folds the standardisation into the weights; and
/// measures a layer's top-1 accuracy on the features it was fitted on.
/// </summary>
internal static class LinearLayerFit
{
    public static LinearHead Fit(float[][] features, IReadOnlyList<int> classes, int classCount, SyntheticTrainingOptions options)
    {
        var dimensions = features[0].Length;
        var (mean, deviation) = Moments(features);
        var rows = features.Select((row, i) => new TrainingRow
        {
            Label = (uint)classes[i],
            Features = [.. row.Select((v, j) => (float)((v - mean[j]) / deviation[j]))],
        });
        var context = new MLContext(options.Seed);
        var schema = SchemaDefinition.Create(typeof(TrainingRow));
        schema[nameof(TrainingRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimensions);
        schema[nameof(TrainingRow.Label)].ColumnType = new KeyDataViewType(typeof(uint), classCount);
        var data = context.Data.LoadFromEnumerable(rows, schema);
        var trainer = context.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            L2Regularization = options.L2,
            L1Regularization = 0,
            NumberOfThreads = 1,
            MaximumNumberOfIterations = 1000,
        });
        var model = trainer.Fit(data).Model;
        VBuffer<float>[] weights = [];
        model.GetWeights(ref weights, out var count);
        if (count != classCount)
        {
            throw new InvalidOperationException($"the trainer returned {count} classes; expected {classCount}");
        }

        var biases = model.GetBiases().ToArray();

        // Fold the standardisation into the layer: W (x - mean) / sd + b = (W / sd) x + (b - W mean / sd).
        var folded = new float[classCount * dimensions];
        var foldedBias = new float[classCount];
        for (var k = 0; k < classCount; k++)
        {
            var w = weights[k].DenseValues().ToArray();
            double bias = biases[k];
            for (var j = 0; j < dimensions; j++)
            {
                folded[(k * dimensions) + j] = (float)(w[j] / deviation[j]);
                bias -= w[j] * mean[j] / deviation[j];
            }

            foldedBias[k] = (float)bias;
        }

        return new LinearHead(folded, foldedBias);
    }

    public static (double Overall, IReadOnlyList<double> PerClass) Accuracy(float[][] features, IReadOnlyList<int> classes, LinearHead head)
    {
        var hits = new int[head.Classes];
        var totals = new int[head.Classes];
        for (var i = 0; i < features.Length; i++)
        {
            var best = 0;
            var bestScore = double.NegativeInfinity;
            for (var k = 0; k < head.Classes; k++)
            {
                double score = head.Biases[k];
                for (var j = 0; j < head.Features; j++)
                {
                    score += head.Weights[(k * head.Features) + j] * features[i][j];
                }

                if (score > bestScore)
                {
                    bestScore = score;
                    best = k;
                }
            }

            totals[classes[i]]++;
            hits[classes[i]] += best == classes[i] ? 1 : 0;
        }

        return (Math.Round(hits.Sum() / (double)features.Length, 4), [.. hits.Select((h, k) => totals[k] == 0 ? 0 : Math.Round(h / (double)totals[k], 4))]);
    }

    private static (double[] Mean, double[] Deviation) Moments(float[][] features)
    {
        var dimensions = features[0].Length;
        var mean = new double[dimensions];
        var deviation = new double[dimensions];
        foreach (var row in features)
        {
            for (var j = 0; j < dimensions; j++)
            {
                mean[j] += row[j] / features.Length;
            }
        }

        foreach (var row in features)
        {
            for (var j = 0; j < dimensions; j++)
            {
                deviation[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / features.Length;
            }
        }

        for (var j = 0; j < dimensions; j++)
        {
            deviation[j] = Math.Max(Math.Sqrt(deviation[j]), 1e-4);
        }

        return (mean, deviation);
    }
}
