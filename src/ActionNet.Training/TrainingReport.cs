namespace ActionNet.Training;

/// <summary>
/// What training wrote and measured, saved next to the model as <c>&lt;model&gt;.training.json</c> so it
/// can be trained again: the options (seeds included), the recipe version, the sample and feature
/// counts, the accuracy on the training windows (overall and per class, in label order), the time
/// each stage took, and the model's size.
/// </summary>
public sealed record TrainingReport
{
    /// <summary>The version of the training recipe (renderer, features, trainer); a cached model from another version is retrained.</summary>
    public required int RecipeVersion { get; init; }

    /// <summary>The options the model was trained with.</summary>
    public required SyntheticTrainingOptions Options { get; init; }

    /// <summary>The ONNX file.</summary>
    public required string OnnxPath { get; init; }

    /// <summary>The labels file (one per line, logit order).</summary>
    public required string LabelsPath { get; init; }

    /// <summary>Labels in logit order.</summary>
    public required IReadOnlyList<string> Labels { get; init; }

    /// <summary>Training windows (clips) fitted on.</summary>
    public required int Samples { get; init; }

    /// <summary>Features per clip.</summary>
    public required int Features { get; init; }

    /// <summary>Top-1 accuracy of the fitted layer on the training windows (features from the model's own extractor run in ONNX Runtime).</summary>
    public required double TrainingAccuracy { get; init; }

    /// <summary>Per-class top-1 accuracy on the training windows, in label order.</summary>
    public required IReadOnlyList<double> TrainingClassAccuracy { get; init; }

    /// <summary>Seconds spent rendering and encoding the training scenes.</summary>
    public required double RenderSeconds { get; init; }

    /// <summary>Seconds spent writing the training scenes in TAO's layout, as <c>dataset prepare</c> does (flow models only; 0 for RGB).</summary>
    public double PrepareSeconds { get; init; }

    /// <summary>Seconds spent decoding, cutting, packing and extracting features.</summary>
    public required double FeatureSeconds { get; init; }

    /// <summary>Seconds spent fitting the linear layer.</summary>
    public required double FitSeconds { get; init; }

    /// <summary>Size of the ONNX file in bytes.</summary>
    public required long ModelBytes { get; init; }
}
