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
