namespace ActionNet.Inference.Detection;

/// <summary>
/// How candidate boxes of one class are merged into one box per object: DeepStream's <c>cluster-mode</c>, same
/// numbers (<c>NvDsInferClusterMode</c> in DeepStream's <c>nvdsinfer_context.h</c>).
/// </summary>
public enum ClusterMode
{
    /// <summary>0: OpenCV's groupRectangles with <see cref="DetectorOptions.GroupThreshold"/> and <see cref="DetectorOptions.GroupEps"/>.</summary>
    GroupRectangles = 0,

    /// <summary>1: DBSCAN over 1 - IoU with <see cref="DetectorOptions.DbscanEps"/> and <see cref="DetectorOptions.DbscanMinBoxes"/>; a cluster's box is the coverage-weighted mean.</summary>
    Dbscan = 1,

    /// <summary>2: greedy non-maximum suppression with <see cref="DetectorOptions.NmsIouThreshold"/>, then <see cref="DetectorOptions.TopK"/> (PeopleNet's setting).</summary>
    Nms = 2,

    /// <summary>3: DBSCAN keeps the boxes that belong to a dense region, NMS picks among them.</summary>
    DbscanNmsHybrid = 3,

    /// <summary>4: every candidate is kept (only <see cref="DetectorOptions.TopK"/> applies).</summary>
    None = 4,
}
