using Microsoft.ML.OnnxRuntime;

namespace ActionNet.Onnx.Tests;

/// <summary>Runs an ONNX file once on ONNX Runtime's CPU provider and returns its only output.</summary>
public static class OnnxRunner
{
    public static (float[] Values, long[] Shape) Run(string modelPath, params (string Name, float[] Data, long[] Shape)[] inputs)
    {
        using var session = new InferenceSession(modelPath);
        var values = inputs.Select(input => OrtValue.CreateTensorValueFromMemory(input.Data, input.Shape)).ToList();
        try
        {
            using var runOptions = new RunOptions();
            using var outputs = session.Run(runOptions, inputs.Select(input => input.Name).ToList(), values, session.OutputNames);
            var output = outputs[0];
            return (output.GetTensorDataAsSpan<float>().ToArray(), output.GetTensorTypeAndShape().Shape);
        }
        finally
        {
            foreach (var value in values)
            {
                value.Dispose();
            }
        }
    }

    /// <summary>Runs an ONNX file once on the CPU provider and returns every output by name.</summary>
    public static IReadOnlyDictionary<string, (float[] Values, long[] Shape)> RunAll(string modelPath, string inputName, float[] data, long[] shape)
    {
        using var session = new InferenceSession(modelPath);
        using var value = OrtValue.CreateTensorValueFromMemory(data, shape);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, [inputName], [value], session.OutputNames);
        return session.OutputNames
            .Select((name, i) => (name, outputs[i]))
            .ToDictionary(pair => pair.name, pair => (pair.Item2.GetTensorDataAsSpan<float>().ToArray(), pair.Item2.GetTensorTypeAndShape().Shape));
    }

    public static float[] RandomValues(int count, int seed)
    {
        var random = new Random(seed);
        var values = new float[count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(random.NextDouble() * 2 - 1);
        }

        return values;
    }
}
