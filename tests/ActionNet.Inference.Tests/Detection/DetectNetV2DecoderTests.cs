using ActionNet.Inference.Detection;
using ActionNet.Inference.Tests.Support;
using ActionNet.Vision.Detection;

namespace ActionNet.Inference.Tests.Detection;

/// <summary>DeepStream's DetectNet_v2 decoding and clustering on hand-built output tensors.</summary>
public sealed class DetectNetV2DecoderTests
{
    // A 96x64 network with a 6x4 grid: stride 16 on both axes, as PeopleNet.
    private static readonly DetectorContract Small = Contract(64, 96, 4, 6);
    private static readonly DetectorContract PeopleNet = Contract(544, 960, 34, 60);

    private const int Person = 0;
    private const int Bag = 1;
    private const int Face = 2;

    [Fact]
    public void ACellAtItsClassThresholdDecodesByDeepStreamsFormula()
    {
        // cx = (3 * 16 + 0.5) / 35 and cy = (2 * 16 + 0.5) / 35, so x1 = 48.5 - 35 * 0.1, y1 = 32.5 - 35 * 0.2,
        // x2 = 48.5 + 35 * 0.3, y2 = 32.5 + 35 * 0.4.
        var outputs = new DetectorOutputs(Small).Cell(Person, 2, 3, 0.4f, 0.1f, 0.2f, 0.3f, 0.4f);

        var detection = Assert.Single(Decode(Small, outputs));

        Assert.Equal("person", detection.ClassName);
        Assert.Equal(0.4f, detection.Confidence);
        AssertBox(new PixelBox(45f, 25.5f, 59f, 46.5f), detection.Box);
    }

    [Fact]
    public void CellsBelowTheirOwnClassThresholdProposeNothing()
    {
        // PeopleNet's config: person needs 0.4, every other class 0.2.
        var outputs = new DetectorOutputs(Small)
            .Box(Person, 0, 0, 0.39f, 0, 0, 20, 40)
            .Box(Bag, 1, 1, 0.39f, 10, 10, 30, 30)
            .Box(Face, 3, 5, 0.19f, 60, 40, 70, 50);

        var detection = Assert.Single(Decode(Small, outputs));

        Assert.Equal("bag", detection.ClassName);
        AssertBox(new PixelBox(10, 10, 30, 30), detection.Box);
    }

    [Fact]
    public void EachClassReadsItsOwnFourBoxPlanesAndTheClassFilterDropsTheOthers()
    {
        var outputs = new DetectorOutputs(Small)
            .Box(Person, 1, 1, 0.9f, 5, 6, 35, 60)
            .Box(Bag, 1, 1, 0.8f, 20, 30, 28, 40)
            .Box(Face, 1, 1, 0.7f, 12, 8, 22, 18);

        var all = Decode(Small, outputs);
        var personOnly = Decode(Small, outputs, new DetectorOptions { Classes = ["person"] });

        Assert.Equal(["person", "bag", "face"], all.Select(d => d.ClassName));
        AssertBox(new PixelBox(5, 6, 35, 60), all[0].Box);
        AssertBox(new PixelBox(20, 30, 28, 40), all[1].Box);
        AssertBox(new PixelBox(12, 8, 22, 18), all[2].Box);
        Assert.Equal([0.9f, 0.8f, 0.7f], all.Select(d => d.Confidence));
        Assert.Equal("person", Assert.Single(personOnly).ClassName);
    }

    [Fact]
    public void BoxesAreClippedToTheLastNetworkPixelAndABoxThatEndsBeforeItStartsIsDropped()
    {
        var outputs = new DetectorOutputs(Small)
            .Box(Person, 0, 0, 0.9f, -20, -5, 200, 100)
            .Box(Bag, 2, 2, 0.9f, 40, 30, 20, 50);

        var detection = Assert.Single(Decode(Small, outputs));

        AssertBox(new PixelBox(0, 0, 95, 63), detection.Box);
    }

    [Fact]
    public void BoxesScaleBackToSourcePixelsByEachAxisOwnFactor()
    {
        var outputs = new DetectorOutputs(Small).Cell(Person, 2, 3, 0.9f, 0.1f, 0.2f, 0.3f, 0.4f);

        // 96x64 network, 192x256 source: x times 2, y times 4.
        var detection = Assert.Single(new DetectNetV2Decoder(Small, new DetectorOptions()).Decode(outputs.Coverage, outputs.Boxes, 192, 256));

        AssertBox(new PixelBox(90f, 102f, 118f, 186f), detection.Box);
    }

    [Fact]
    public void NmsMergesNeighbouringCellsIntoTheMostConfidentBoxAndKeepsASeparateObject()
    {
        var outputs = new DetectorOutputs(Small)
            .Box(Person, 1, 1, 0.7f, 10, 5, 40, 60)
            .Box(Person, 1, 2, 0.9f, 12, 6, 42, 61)
            .Box(Person, 2, 1, 0.8f, 11, 4, 41, 59)
            .Box(Person, 2, 5, 0.6f, 70, 10, 94, 60);

        var detections = Decode(Small, outputs);

        Assert.Equal([0.9f, 0.6f], detections.Select(d => d.Confidence));
        AssertBox(new PixelBox(12, 6, 42, 61), detections[0].Box);
        AssertBox(new PixelBox(70, 10, 94, 60), detections[1].Box);
    }

    [Fact]
    public void NmsKeepsTheFirstCellOfEquallyConfidentOnesAndOnlyTheTopK()
    {
        var outputs = new DetectorOutputs(Small)
            .Box(Person, 0, 4, 0.8f, 10, 5, 40, 60)
            .Box(Person, 1, 0, 0.8f, 11, 5, 41, 60)
            .Box(Person, 3, 5, 0.5f, 70, 10, 94, 60)
            .Box(Person, 3, 0, 0.6f, 50, 0, 60, 10);

        var detections = Decode(Small, outputs, new DetectorOptions { TopK = 2 });

        Assert.Equal([0.8f, 0.6f], detections.Select(d => d.Confidence));
        AssertBox(new PixelBox(10, 5, 40, 60), detections[0].Box);
    }

    [Fact]
    public void DbscanMergesADenseRegionIntoItsCoverageWeightedMeanAndDropsALoneBox()
    {
        var options = new DetectorOptions { ClusterMode = ClusterMode.Dbscan, DbscanEps = 0.7f, DbscanMinBoxes = 3 };
        var outputs = new DetectorOutputs(Small)
            .Box(Person, 1, 1, 0.5f, 10, 4, 40, 60)
            .Box(Person, 1, 2, 1.0f, 14, 8, 44, 62)
            .Box(Person, 2, 1, 0.5f, 12, 6, 42, 58)
            .Box(Person, 3, 5, 0.9f, 70, 10, 94, 60);

        var detection = Assert.Single(Decode(Small, outputs, options));

        // Weights 0.5, 1, 0.5 over left, top, width, height: left 12.5, top 6.5, width 30, height 54.
        Assert.Equal(1.0f, detection.Confidence);
        AssertBox(new PixelBox(12.5f, 6.5f, 42.5f, 60.5f), detection.Box);
    }

    [Fact]
    public void DbscanDropsALargeClusterWithTooFewHitsAsDeepStreamsAreaToHitRatioFilterDoes()
    {
        var options = new DetectorOptions { ClusterMode = ClusterMode.Dbscan, DbscanMinBoxes = 3 };

        // sqrt(area) / (members + 1) must not exceed 60 (DeepStream counts one member too many): three hits carry a
        // 230-pixel box (230 / 4 = 57.5; divided by the true count it would be 76.7) but not a 250-pixel one (62.5).
        Assert.Single(Decode(PeopleNet, ThreeHits(230), options));
        Assert.Empty(Decode(PeopleNet, ThreeHits(250), options));

        static DetectorOutputs ThreeHits(int size) => new DetectorOutputs(PeopleNet)
            .Box(Person, 10, 10, 0.9f, 100, 100, 100 + size, 100 + size)
            .Box(Person, 10, 11, 0.9f, 100, 100, 100 + size, 100 + size)
            .Box(Person, 11, 10, 0.9f, 100, 100, 100 + size, 100 + size);
    }

    [Fact]
    public void HybridClusteringLetsDbscanDropLoneBoxesAndNmsPickTheBestOfTheRest()
    {
        var options = new DetectorOptions { ClusterMode = ClusterMode.DbscanNmsHybrid, DbscanMinBoxes = 3 };
        var outputs = new DetectorOutputs(Small)
            .Box(Person, 1, 1, 0.5f, 10, 4, 40, 60)
            .Box(Person, 1, 2, 0.9f, 14, 8, 44, 62)
            .Box(Person, 2, 1, 0.6f, 12, 6, 42, 58)
            .Box(Person, 3, 5, 0.95f, 70, 10, 94, 60);

        var detection = Assert.Single(Decode(Small, outputs, options));

        Assert.Equal(0.9f, detection.Confidence);
        AssertBox(new PixelBox(14, 8, 44, 62), detection.Box);
    }

    [Fact]
    public void GroupRectanglesAveragesSimilarIntegerRectanglesAndDropsAGroupOfOne()
    {
        var options = new DetectorOptions { ClusterMode = ClusterMode.GroupRectangles, GroupThreshold = 1, GroupEps = 0.2f };
        var outputs = new DetectorOutputs(Small)
            .Box(Person, 1, 1, 0.5f, 10.5, 4.5, 41, 61)
            .Box(Person, 1, 2, 0.9f, 14.5, 8.5, 45, 63)
            .Box(Person, 2, 1, 0.6f, 12.5, 6.5, 43, 60)
            .Box(Person, 3, 5, 0.95f, 70, 10, 94, 60);

        var detection = Assert.Single(Decode(Small, outputs, options));

        // Left, top, width and height truncate to (10, 4, 30, 56), (14, 8, 30, 54), (12, 6, 30, 53) (halves keep
        // float noise away from the cut); their means 12, 6, 30, 54.33 round to (12, 6, 30, 54).
        Assert.Equal(0.9f, detection.Confidence);
        AssertBox(new PixelBox(12, 6, 42, 60), detection.Box);
    }

    [Fact]
    public void WithoutClusteringEveryCandidateIsKeptInGridOrderOrTheTopKByConfidence()
    {
        var outputs = new DetectorOutputs(Small)
            .Box(Person, 1, 1, 0.5f, 10, 4, 40, 60)
            .Box(Person, 1, 2, 0.9f, 14, 8, 44, 62)
            .Box(Person, 2, 1, 0.6f, 12, 6, 42, 58);

        var all = Decode(Small, outputs, new DetectorOptions { ClusterMode = ClusterMode.None, TopK = -1 });
        var two = Decode(Small, outputs, new DetectorOptions { ClusterMode = ClusterMode.None, TopK = 2 });

        Assert.Equal([0.5f, 0.9f, 0.6f], all.Select(d => d.Confidence));
        Assert.Equal([0.9f, 0.6f], two.Select(d => d.Confidence));
    }

    [Fact]
    public void InvalidOptionsAndUnknownClassesAreRefusedNamingTheKey()
    {
        var invalid = Assert.Throws<ArgumentException>(() => new DetectNetV2Decoder(Small, new DetectorOptions { NmsIouThreshold = 1.5f, TopK = 0 }));
        var unknown = Assert.Throws<ArgumentException>(() => new DetectNetV2Decoder(Small, new DetectorOptions { Classes = ["car"] }));

        Assert.Contains("Detection:NmsIouThreshold is 1.5", invalid.Message, StringComparison.Ordinal);
        Assert.Contains("Detection:TopK is 0", invalid.Message, StringComparison.Ordinal);
        Assert.Contains("no class 'car': expected any of person, bag, face", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OutputsOfTheWrongSizeAreRefused()
    {
        var decoder = new DetectNetV2Decoder(Small, new DetectorOptions());

        var error = Assert.Throws<ArgumentException>(() => decoder.Decode(new float[10], new float[40], 96, 64));

        Assert.Contains("72 coverage and 288 box values; got 10 and 40", error.Message, StringComparison.Ordinal);
    }

    private static DetectorContract Contract(int height, int width, int gridHeight, int gridWidth) =>
        new("input_1:0", "output_cov/Sigmoid:0", "output_bbox/BiasAdd:0", height, width, gridHeight, gridWidth, DetectorContract.DefaultLabels, null);

    private static IReadOnlyList<PersonDetection> Decode(DetectorContract contract, DetectorOutputs outputs, DetectorOptions? options = null) =>
        new DetectNetV2Decoder(contract, options ?? new DetectorOptions()).Decode(outputs.Coverage, outputs.Boxes, contract.Width, contract.Height);

    private static void AssertBox(PixelBox expected, PixelBox actual)
    {
        Assert.True(
            Math.Abs(expected.X1 - actual.X1) < 1e-3 && Math.Abs(expected.Y1 - actual.Y1) < 1e-3
                && Math.Abs(expected.X2 - actual.X2) < 1e-3 && Math.Abs(expected.Y2 - actual.Y2) < 1e-3,
            $"expected {expected}, got [{actual.X1}, {actual.Y1}, {actual.X2}, {actual.Y2}]");
    }
}
