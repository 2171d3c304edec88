namespace ActionNet.Inference.Execution;

/// <summary>An ONNX Runtime execution provider the session factory can ask for.</summary>
public enum ExecutionProvider
{
    /// <summary>NVIDIA TensorRT (needs CUDA 13, cuDNN 9 and TensorRT 10 on the host).</summary>
    TensorRt,

    /// <summary>NVIDIA CUDA (needs CUDA 13 and cuDNN 9 on the host).</summary>
    Cuda,

    /// <summary>ONNX Runtime's CPU provider, always present.</summary>
    Cpu,
}
