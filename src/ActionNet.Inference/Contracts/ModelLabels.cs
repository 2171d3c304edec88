namespace ActionNet.Inference.Contracts;

/// <summary>
/// Finds the class names for a model: an explicit labels file, else a sibling
/// <c>&lt;model&gt;.labels.txt</c>, else the five HMDB5 defaults when the model has five classes.
/// A labels file holds one name per line; blank lines are ignored.
/// </summary>
public static class ModelLabels
{
    /// <summary>Suffix of the labels file looked for next to a model (<c>model.onnx</c> -> <c>model.labels.txt</c>).</summary>
    public const string SiblingSuffix = ".labels.txt";

    /// <summary>The sibling labels path for a model file.</summary>
    public static string SiblingPathOf(string modelPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        var directory = Path.GetDirectoryName(Path.GetFullPath(modelPath)) ?? ".";
        var name = Path.GetFileName(modelPath);
        if (name.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^".onnx".Length];
        }

        return Path.Combine(directory, name + SiblingSuffix);
    }

    /// <summary>Reads a labels file: one name per line, surrounding whitespace trimmed, blank lines skipped.</summary>
    public static IReadOnlyList<string> ReadFile(string labelsPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(labelsPath);
        if (!File.Exists(labelsPath))
        {
            throw new ModelContractException($"labels file '{labelsPath}' not found");
        }

        return File.ReadLines(labelsPath)
            .Select(line => line.Trim())
            .Where(line => line.Length > 0)
            .ToArray();
    }

    /// <summary>
    /// Resolves the labels of a model with <paramref name="classCount"/> classes and checks that their
    /// count equals it.
    /// </summary>
    /// <exception cref="ModelContractException">No labels can be found, or their count is not K.</exception>
    public static IReadOnlyList<string> Resolve(string modelPath, int classCount, string? labelsPath = null) =>
        Resolve(modelPath, classCount, labelsPath, ModelContract.DefaultLabels, "fc_pred's class axis");

    /// <summary>
    /// Resolves the labels of a model with <paramref name="classCount"/> classes: <paramref name="labelsPath"/>,
    /// else the sibling file, else <paramref name="defaults"/> when they have <paramref name="classCount"/> names.
    /// <paramref name="classAxis"/> names the tensor axis the count came from, for the error message.
    /// </summary>
    /// <exception cref="ModelContractException">No labels can be found, or their count does not fit.</exception>
    public static IReadOnlyList<string> Resolve(string modelPath, int classCount, string? labelsPath, IReadOnlyList<string> defaults, string classAxis)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        ArgumentNullException.ThrowIfNull(defaults);
        var model = Path.GetFileName(modelPath);
        string? source = labelsPath;
        if (source is null)
        {
            var sibling = SiblingPathOf(modelPath);
            if (File.Exists(sibling))
            {
                source = sibling;
            }
        }

        if (source is null)
        {
            if (classCount == defaults.Count)
            {
                return defaults;
            }

            throw new ModelContractException(
                $"model '{model}' has {classCount} classes and no labels: found no labels file and no '{Path.GetFileName(SiblingPathOf(modelPath))}' beside it; "
                + $"expected a labels file with {classCount} names (the default labels only fit {defaults.Count} classes)");
        }

        var labels = ReadFile(source);
        if (labels.Count != classCount)
        {
            throw new ModelContractException(
                $"labels file '{Path.GetFileName(source)}' does not fit model '{model}': found {labels.Count} labels; expected {classCount} (the size of {classAxis})");
        }

        return labels;
    }
}
