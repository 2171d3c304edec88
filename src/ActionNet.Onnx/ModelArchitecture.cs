namespace ActionNet.Onnx;

/// <summary>The network a generated model runs behind the ActionRecognitionNet tensor contract.</summary>
public enum ModelArchitecture
{
    /// <summary>Spatial mean per input channel plane, then one seeded fully-connected layer: cheap, input-dependent logits.</summary>
    Tiny,

    /// <summary>
    /// Logit j is the spatial mean of input channel plane j in the 2D packed order (j = c*T + t; joint
    /// models put RGB first, then flow), so tests can prove which frames and channels reached the model.
    /// </summary>
    Probe,

    /// <summary>TAO's ResNet18 (2D, or 3D after tao_pytorch_backend's resnet3d.py) with seeded random weights.</summary>
    ResNet18,
}
