using ActionNet.Cli.Tests.Support;
using OpenCvSharp;

namespace ActionNet.Cli.Tests;

/// <summary>Probe models (T=8, 32x32) and small videos shared by the classify tests.</summary>
public sealed class ClassifyFixture : IDisposable
{
    private readonly TempFolder _folder = new();

    /// <summary>Writes the inputs.</summary>
    public ClassifyFixture()
    {
        Probe2D = TestInputs.Model(_folder.Path, "probe-2d-rgb");
        Probe3D = TestInputs.Model(_folder.Path, "probe-3d-rgb");
        WalkVideo = TestInputs.Video(_folder.Combine("walk.mp4"), "walk", frames: VideoFrames);
        RedVideo = TestInputs.SolidVideo(_folder.Combine("red.mp4"), new Scalar(0, 0, 255));
        ShortVideo = TestInputs.Video(_folder.Combine("short.mp4"), "run", frames: ShortFrames);
    }

    /// <summary>Frames in <see cref="WalkVideo"/>.</summary>
    public const int VideoFrames = 40;

    /// <summary>Frames in <see cref="ShortVideo"/>, fewer than T.</summary>
    public const int ShortFrames = 5;

    /// <summary>2D RGB probe: logit j = spatial mean of plane j = c*T + t.</summary>
    public string Probe2D { get; }

    /// <summary>3D RGB probe.</summary>
    public string Probe3D { get; }

    /// <summary>A 40-frame synthetic walk at 64x48.</summary>
    public string WalkVideo { get; }

    /// <summary>40 frames of pure red (BGR 0,0,255).</summary>
    public string RedVideo { get; }

    /// <summary>A 5-frame video, shorter than the models' T.</summary>
    public string ShortVideo { get; }

    /// <inheritdoc/>
    public void Dispose() => _folder.Dispose();
}
