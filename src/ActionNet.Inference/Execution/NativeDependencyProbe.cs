using System.Runtime.InteropServices;

namespace ActionNet.Inference.Execution;

/// <summary>
/// Names the native libraries a GPU provider needs that cannot be loaded here. ONNX Runtime's exception
/// only says "Failed to load shared library"; the missing file is what an operator needs to know.
/// </summary>
internal static class NativeDependencyProbe
{
    private static readonly string[] CudaLibraries = ["libcudart.so.13", "libcublas.so.13", "libcublasLt.so.13", "libcudnn.so.9"];
    private static readonly string[] TensorRtLibraries = ["libnvinfer.so.10", .. CudaLibraries];

    /// <summary>A one-line reason, e.g. "libcublasLt.so.13 not found", or null when every library loads.</summary>
    public static string? MissingLibraries(ExecutionProvider provider)
    {
        var needed = provider switch
        {
            ExecutionProvider.TensorRt => TensorRtLibraries,
            ExecutionProvider.Cuda => CudaLibraries,
            _ => [],
        };
        var missing = needed.Where(name => !CanLoad(name)).ToArray();
        return missing.Length == 0 ? null : $"{string.Join(", ", missing)} not found";
    }

    private static bool CanLoad(string name)
    {
        if (!NativeLibrary.TryLoad(name, out var handle))
        {
            return false;
        }

        NativeLibrary.Free(handle);
        return true;
    }
}
