using ActionNet.Abstractions.Cameras;
using ActionNet.Abstractions.Cluster;
using ActionNet.Abstractions.History;
using ActionNet.Abstractions.Inference;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace ActionNet.Storage.Tests;

/// <summary>The messages the history stores also cross silos: each must survive Orleans' serializer whole.</summary>
public sealed class MessageSerializationTests
{
    private readonly Serializer serializer = new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(ActionEvent).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    public static TheoryData<object> Messages() =>
    [
        TestEvents.Event("gate", 42, 7, "run", 0.7f),
        new LabelSegment { CameraId = "gate", Label = "walk", Start = TestEvents.Origin, End = TestEvents.Origin.AddSeconds(4), FirstSequence = 1, LastSequence = 5, MeanConfidence = 0.6f },
        new HistoryQuery { Cameras = ["gate", "dock"], From = TestEvents.Origin, To = TestEvents.Origin.AddHours(1), Label = "walk", MinConfidence = 0.5f, Limit = 20 },
        new LabelTotal { CameraId = "gate", Label = "walk", Seconds = 12.5, Events = 3 },
        new CameraRegistration { Source = "rtsp://user:pass@host/x", Loop = true, ModelProfile = "rgb-2d", Stride = 16, Subsample = 1, FpsCap = 15, Region = new RegionOfInterest { X = 1, Y = 2, Width = 3, Height = 4 }, Enabled = false },
        new CameraStatus { CameraId = "gate", RedactedSource = "rtsp://user:***@host/x", State = CameraState.WaitingForAccelerator, FramesReceived = 9, WindowsDropped = 2, LastError = "timeout", FrameWidth = 320, FrameHeight = 240, UpdatedAt = TestEvents.Origin },
        new ScoringRequest
        {
            ModelProfile = "rgb-2d",
            Window = new WindowPayload
            {
                Header = new WindowHeader { CameraId = "gate", Sequence = 3, FirstFrameIndex = 10, LastFrameIndex = 41, FirstFrameAt = TestEvents.Origin, LastFrameAt = TestEvents.Origin.AddSeconds(1), Frames = 2 },
                Height = 2,
                Width = 2,
                Rgb = [.. Enumerable.Range(0, 24).Select(i => (byte)i)],
            },
        },
        new ScoredWindow
        {
            Window = new WindowHeader { CameraId = "gate", Sequence = 3, Frames = 32, LastFrameAt = TestEvents.Origin },
            Result = new ScoringResult { Probabilities = [0.1f, 0.9f], Logits = [-1f, 1.2f], Labels = ["push", "walk"], Model = "m", Silo = "s", Accelerator = "cpu", ScoredAt = TestEvents.Origin },
        },
        new ClusterStatus { Silos = [new SiloReport { Silo = "s", Accelerator = "h100", ActiveCameras = 4, WindowsPerSecond = 120, WindowsDropped = 1 }], ActiveCameras = 4, WindowsPerSecond = 120 },
    ];

    [Theory]
    [MemberData(nameof(Messages))]
    public void EveryMessageSurvivesTheOrleansSerializer(object message)
    {
        var copy = serializer.Deserialize<object>(serializer.SerializeToArray(message));

        Assert.IsType(message.GetType(), copy);
        Assert.Equivalent(message, copy, strict: true);
    }

    [Fact]
    public void AWindowCarriesItsPixelsAsBytes()
    {
        var window = new WindowPayload { Header = new WindowHeader { CameraId = "gate", Sequence = 1, Frames = 1 }, Height = 1, Width = 1, Rgb = [1, 2, 3], Flow = [4, 5] };

        var copy = serializer.Deserialize<WindowPayload>(serializer.SerializeToArray(window));

        Assert.NotNull(copy);
        Assert.Equal(new byte[] { 1, 2, 3 }, copy.Rgb);
        Assert.Equal(new byte[] { 4, 5 }, copy.Flow);
        Assert.Equal(window.Header, copy.Header);
    }
}
