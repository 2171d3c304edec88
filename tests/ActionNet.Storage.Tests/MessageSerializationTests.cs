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
        new CameraPlan { SourceKind = "stream", RedactedSource = "rtsp://user:***@host/x", Profile = "rgb-2d", Accelerators = ["t4"], Inputs = "rgb", Frames = 32, Height = 224, Width = 224, Stride = 8, Subsample = 0, Resize = "Stretch", FpsCap = 30, Loop = false },
        new ScoredWindow
        {
            Window = new WindowHeader { CameraId = "gate", Sequence = 3, Frames = 32, LastFrameAt = TestEvents.Origin },
            Result = new ScoringResult { Probabilities = [0.1f, 0.9f], Logits = [-1f, 1.2f], Labels = ["push", "walk"], Model = "m", Silo = "s", Accelerator = "cpu", ScoredAt = TestEvents.Origin },
        },
        new ClusterStatus
        {
            Silos =
            [
                new SiloReport
                {
                    Silo = "s",
                    Accelerator = "h100",
                    ActiveCameras = 4,
                    WindowsPerSecond = 120,
                    WindowsDropped = 1,
                    Profiles = [new ProfileLoad { Profile = "rgb-2d", Capacity = 300, Demand = 120, Utilisation = 0.4, Measured = true, Provider = "Cuda" }],
                    Cameras = [new CameraLoad { CameraId = "gate", Profile = "rgb-2d", Demand = 3.75 }],
                    Drops = new WindowDrops { Overload = 1 },
                },
            ],
            ActiveCameras = 4,
            WindowsPerSecond = 120,
            Capacity = 300,
            Demand = 120,
            Drops = new WindowDrops { Overload = 1 },
        },
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
    public void TheScoredWindowACameraSendsAcrossSilosCarriesNoPixelsAndFitsIn2KB()
    {
        // The only message of the camera side that may cross silos: header + five scores, never frames.
        var scored = new ScoredWindow
        {
            Window = new WindowHeader { CameraId = new string('c', 64), Sequence = long.MaxValue, FirstFrameIndex = long.MaxValue, LastFrameIndex = long.MaxValue, FirstFrameAt = TestEvents.Origin, LastFrameAt = TestEvents.Origin, Frames = 32 },
            Result = new ScoringResult
            {
                Probabilities = new float[5],
                Logits = new float[5],
                Labels = ["push", "fall_floor", "walk", "run", "ride_bike"],
                Model = "resnet18_2d_rgb_hmdb5_32.onnx",
                Silo = "actionnet-t4-5d8f7c9b6-x2x9k",
                Accelerator = "t4 (TensorRt)",
                ScoredAt = TestEvents.Origin,
            },
        };

        var bytes = serializer.SerializeToArray(scored).Length;

        Assert.InRange(bytes, 1, 2048);
        Assert.DoesNotContain(typeof(ScoredWindow).GetProperties().Concat(typeof(WindowHeader).GetProperties()).Concat(typeof(ScoringResult).GetProperties()), p => p.PropertyType == typeof(byte[]));
    }
}
