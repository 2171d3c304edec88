using ActionNet.Inference.Detection;

namespace ActionNet.Inference.Tests.Support;

/// <summary>One frame's hand-built DetectNet_v2 outputs: coverage [C, Gh, Gw] and boxes [4C, Gh, Gw], all zero until set.</summary>
public sealed class DetectorOutputs(DetectorContract contract)
{
    private int Grid => contract.GridHeight * contract.GridWidth;

    public float[] Coverage { get; } = new float[contract.CoverageElements];

    public float[] Boxes { get; } = new float[contract.BoxElements];

    /// <summary>Sets class <paramref name="c"/>'s coverage and raw box offsets (x1, y1, x2, y2 planes) at cell (h, w).</summary>
    public DetectorOutputs Cell(int c, int h, int w, float coverage, float x1, float y1, float x2, float y2)
    {
        var i = (h * contract.GridWidth) + w;
        Coverage[(c * Grid) + i] = coverage;
        Boxes[(4 * c * Grid) + i] = x1;
        Boxes[(((4 * c) + 1) * Grid) + i] = y1;
        Boxes[(((4 * c) + 2) * Grid) + i] = x2;
        Boxes[(((4 * c) + 3) * Grid) + i] = y2;
        return this;
    }

    /// <summary>
    /// Sets a cell whose offsets decode to the network-pixel box (left, top, right, bottom): the inverse of DeepStream's
    /// formula, computed in double so the decoder's float arithmetic is what is tested.
    /// </summary>
    public DetectorOutputs Box(int c, int h, int w, float coverage, double left, double top, double right, double bottom)
    {
        var cx = ((w * contract.StrideX) + 0.5) / 35.0;
        var cy = ((h * contract.StrideY) + 0.5) / 35.0;
        return Cell(c, h, w, coverage, (float)(cx - (left / 35)), (float)(cy - (top / 35)), (float)((right / 35) - cx), (float)((bottom / 35) - cy));
    }
}
