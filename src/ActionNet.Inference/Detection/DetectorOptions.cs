using System.Globalization;

namespace ActionNet.Inference.Detection;

/// <summary>
/// Thresholds and clustering of a PeopleNet-style detector, bound from the configuration section
/// <see cref="SectionName"/>. Defaults are NVIDIA's PeopleNet config (deepstream_tao_apps
/// <c>configs/nvinfer/peoplenet_tao/config_infer_primary_peoplenet.txt</c>): <c>cluster-mode=2</c> (NMS),
/// <c>nms-iou-threshold=0.5</c>, <c>topk=20</c>, <c>pre-cluster-threshold</c> 0.2 for every class and 0.4 for
/// person. The DBSCAN and group-rectangles values are the ones NVIDIA's configs suggest for those modes
/// (PeopleNet's commented <c>eps=0.7</c>, <c>minBoxes=3</c>; nvinfer's documented <c>group-threshold=1</c>,
/// <c>eps=0.2</c>); gst-nvinfer's own defaults would switch both off.
/// </summary>
public sealed record DetectorOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Detection";

    /// <summary>DeepStream's <c>[class-attrs-all] pre-cluster-threshold</c>: the least coverage a grid cell needs to propose a box.</summary>
    public float PreClusterThreshold { get; init; } = 0.2f;

    /// <summary>Per-class <c>pre-cluster-threshold</c> by label, overriding <see cref="PreClusterThreshold"/>; PeopleNet's person is 0.4.</summary>
    public IReadOnlyDictionary<string, float> ClassThresholds { get; init; } = new Dictionary<string, float>(StringComparer.Ordinal) { ["person"] = 0.4f };

    /// <summary>Labels to decode; null decodes every class the model has.</summary>
    public IReadOnlyList<string>? Classes { get; init; }

    /// <summary>DeepStream's <c>cluster-mode</c>.</summary>
    public ClusterMode ClusterMode { get; init; } = ClusterMode.Nms;

    /// <summary><c>nms-iou-threshold</c>: a box overlapping a kept one by more than this IoU is dropped (NMS and hybrid).</summary>
    public float NmsIouThreshold { get; init; } = 0.5f;

    /// <summary><c>topk</c>: the most boxes kept per class and frame, by confidence; -1 keeps all (not used by group rectangles).</summary>
    public int TopK { get; init; } = 20;

    /// <summary><c>post-cluster-threshold</c>: clusters need more confidence than this (NMS, hybrid) or at least this (DBSCAN).</summary>
    public float PostClusterThreshold { get; init; }

    /// <summary>DBSCAN's <c>eps</c>: boxes closer than this in 1 - IoU are neighbours.</summary>
    public float DbscanEps { get; init; } = 0.7f;

    /// <summary>DBSCAN's <c>minBoxes</c>: a box with this many boxes in its neighbourhood, itself included, seeds a cluster; 0 turns DBSCAN off.</summary>
    public int DbscanMinBoxes { get; init; } = 3;

    /// <summary>DBSCAN's <c>dbscan-min-score</c>: the least summed coverage of a cluster.</summary>
    public float DbscanMinScore { get; init; }

    /// <summary>groupRectangles' <c>group-threshold</c>: a group needs more than this many boxes; 0 turns grouping off.</summary>
    public int GroupThreshold { get; init; } = 1;

    /// <summary>groupRectangles' <c>eps</c>: how far (relative to the smaller box) two boxes' edges may differ to be grouped.</summary>
    public float GroupEps { get; init; } = 0.2f;

    /// <summary>The pre-cluster threshold of class <paramref name="label"/>.</summary>
    public float ThresholdFor(string label) =>
        ClassThresholds.TryGetValue(label, out var threshold) ? threshold : PreClusterThreshold;

    /// <summary>Problems with these options, one line each naming its key; empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Check(bool ok, string key, object value, string expected)
        {
            if (!ok)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{key} is {value}; expected {expected}"));
            }
        }

        Check(PreClusterThreshold is >= 0 and <= 1, nameof(PreClusterThreshold), PreClusterThreshold, "a coverage from 0 to 1");
        foreach (var (label, threshold) in ClassThresholds)
        {
            Check(threshold is >= 0 and <= 1, $"{nameof(ClassThresholds)}:{label}", threshold, "a coverage from 0 to 1");
        }

        Check(Enum.IsDefined(ClusterMode), nameof(ClusterMode), ClusterMode, "GroupRectangles, Dbscan, Nms, DbscanNmsHybrid or None");
        Check(NmsIouThreshold is >= 0 and <= 1, nameof(NmsIouThreshold), NmsIouThreshold, "an IoU from 0 to 1");
        Check(TopK == -1 || TopK > 0, nameof(TopK), TopK, "-1 (keep all) or 1 or more");
        Check(PostClusterThreshold is >= 0 and <= 1, nameof(PostClusterThreshold), PostClusterThreshold, "a confidence from 0 to 1");
        Check(DbscanEps is > 0 and <= 1, nameof(DbscanEps), DbscanEps, "a distance (1 - IoU) above 0 and at most 1");
        Check(DbscanMinBoxes >= 0, nameof(DbscanMinBoxes), DbscanMinBoxes, "0 (off) or more");
        Check(DbscanMinScore >= 0, nameof(DbscanMinScore), DbscanMinScore, "0 or more");
        Check(GroupThreshold >= 0, nameof(GroupThreshold), GroupThreshold, "0 (off) or more");
        Check(GroupEps >= 0, nameof(GroupEps), GroupEps, "0 or more");
        return errors;
    }
}
