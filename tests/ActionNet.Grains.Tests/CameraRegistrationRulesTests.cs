using ActionNet.Abstractions.Cameras;
using ActionNet.Grains.Cameras;
using ActionNet.Grains.Inference;
using ActionNet.Grains.Persons;
using ActionNet.Vision.Synthetic;
using Microsoft.Extensions.Configuration;

namespace ActionNet.Grains.Tests;

/// <summary>The rules a registration meets in the camera grain, with a real media folder and a real 320x240 video.</summary>
public sealed class CameraRegistrationRulesTests : IDisposable
{
    private readonly string media = Directory.CreateTempSubdirectory("actionnet-media-").FullName;
    private readonly string outside = Directory.CreateTempSubdirectory("actionnet-outside-").FullName;
    private readonly string video;
    private readonly ModelProfilesOptions profiles;
    private readonly IngestOptions ingest;

    public CameraRegistrationRulesTests()
    {
        video = Path.Combine(media, "walk.mp4");
        SyntheticVideo.Write(video, "walk", frames: 8, width: 320, height: 240);
        var model = Path.Combine(media, "model.onnx");
        File.WriteAllText(model, "not read by the rules");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ActionNet:Profiles:rgb:Model"] = model }).Build();
        profiles = new ModelProfilesOptions();
        profiles.Read(configuration.GetSection(ModelProfilesOptions.SectionName));
        ingest = new IngestOptions { MediaRoots = [media] };
    }

    public void Dispose()
    {
        Directory.Delete(media, recursive: true);
        Directory.Delete(outside, recursive: true);
    }

    private readonly DetectorProfilesOptions detectors = new();

    private CameraRegistration Good => new() { Source = video, ModelProfile = "rgb" };

    private string Problem(CameraRegistration registration) =>
        Assert.Throws<ArgumentException>(() => CameraRegistrationRules.Validate(registration, profiles, detectors, ingest)).Message;

    [Fact]
    public void PersonModeUsesTheBuiltInHogDetectorUnlessAProfileIsNamed()
    {
        Assert.Null(CameraRegistrationRules.Validate(Good, profiles, detectors, ingest).Detector);
        Assert.Equal("hog", CameraRegistrationRules.Validate(Good with { Persons = true }, profiles, detectors, ingest).Detector!.Name);
        Assert.Equal(
            "detector profile 'peoplenet' is not configured; known detector profiles: hog (configure ActionNet:Detectors:<name>:Model)",
            Abstractions.ErrorText.OneLine(Problem(Good with { Persons = true, Detector = "peoplenet" })));
        Assert.Equal("detector 'hog' is only used in person mode: add persons (--persons)", Problem(Good with { Detector = "hog" }));
        Assert.StartsWith("a region of interest and person mode cannot be combined", Problem(Good with { Persons = true, Region = new() { X = 0, Y = 0, Width = 10, Height = 10 } }), StringComparison.Ordinal);
    }

    [Fact]
    public void AGoodFileAndGoodUrlsAreAccepted()
    {
        Assert.Equal("rgb", CameraRegistrationRules.Validate(Good, profiles, detectors, ingest).Profile.Name);
        Assert.Equal("rgb", CameraRegistrationRules.Validate(Good with { Source = "rtsp://u:secret@cam-1.local:554/x" }, profiles, detectors, ingest).Profile.Name);
        Assert.Equal("rgb", CameraRegistrationRules.Validate(Good with { Source = "RTSP://cam/x", Region = new() { X = 0, Y = 0, Width = 10, Height = 10 } }, profiles, detectors, ingest).Profile.Name);
        Assert.Equal("rgb", CameraRegistrationRules.Validate(Good with { Source = "HttpS://[::1]:8443/x.m3u8" }, profiles, detectors, ingest).Profile.Name);
        Assert.Equal("rgb", CameraRegistrationRules.Validate(Good with { Region = new() { X = 20, Y = 40, Width = 300, Height = 200 } }, profiles, detectors, ingest).Profile.Name);
    }

    [Fact]
    public void AnUnknownProfileNamesTheKnownOnes() =>
        Assert.Contains("model profile 'nope' is not configured; known profiles: rgb", Problem(Good with { ModelProfile = "nope" }), StringComparison.Ordinal);

    [Theory]
    [InlineData("rtsp://cam/x\nFORGED log line", "U+000A")]
    [InlineData("rtsp://cam/x\r\nFORGED", "U+000D")]
    [InlineData("rtsp://cam/\u0000x", "U+0000")]
    [InlineData("rtsp://cam/\u001b[31mred", "U+001B")]
    public void ControlCharactersInTheSourceAreRefusedAndNeverEchoedRaw(string source, string named)
    {
        var problem = Problem(Good with { Source = source });

        Assert.Contains(named, problem, StringComparison.Ordinal);
        Assert.DoesNotContain(problem, c => char.IsControl(c));
    }

    [Fact]
    public void ControlCharactersInTheProfileAreRefused() =>
        Assert.Contains("control character", Problem(Good with { ModelProfile = "rgb\n" }), StringComparison.Ordinal);

    [Theory]
    [InlineData("ftp://u:secret@host/x", "uses 'ftp://'")]
    [InlineData("rtsp://-i", "host '-i'")]
    [InlineData("rtsp://", "no host")]
    [InlineData("rtsp://u:secret@/x", "no host")]
    [InlineData("rtsp://ca$m/x", "host 'ca$m'")]
    public void UnsupportedSchemesAndImpossibleHostsAreRefusedWithoutShowingThePassword(string source, string expected)
    {
        var problem = Problem(Good with { Source = source });

        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AUrlLongerThanTheBoundIsRefusedWithTheBound()
    {
        var problem = Problem(Good with { Source = "rtsp://cam/" + new string('a', 120_000) });

        Assert.Contains($"expected at most {CameraInputRules.MaxSourceLength}", problem, StringComparison.Ordinal);
        Assert.True(problem.Length < 200, problem);
    }

    [Theory]
    [InlineData(0, null, null, "stride is 0; expected 1 to 1000")]
    [InlineData(1001, null, null, "stride is 1001; expected 1 to 1000")]
    [InlineData(null, -1, null, "subsample is -1; expected 0 to 100")]
    [InlineData(null, int.MaxValue, null, "subsample is 2147483647; expected 0 to 100")]
    [InlineData(null, null, 0.0, "fps cap is 0; expected more than 0 and at most 240")]
    [InlineData(null, null, 1e308, "fps cap is 1E+308; expected more than 0 and at most 240")]
    [InlineData(null, null, double.PositiveInfinity, "fps cap is Infinity; expected")]
    [InlineData(null, null, double.NaN, "fps cap is NaN; expected")]
    public void NumbersOutsideTheirBoundsAreRefusedWithTheBound(int? stride, int? subsample, double? fps, string expected) =>
        Assert.StartsWith(expected, Problem(Good with { Stride = stride, Subsample = subsample, FpsCap = fps }), StringComparison.Ordinal);

    [Fact]
    public void ARegionOutsideTheFileFramesIsRefusedAtRegistration() =>
        Assert.Equal(
            "region (5000,5000) 100x100 does not fit the 320x240 frame: expected x + width <= 320 and y + height <= 240",
            Problem(Good with { Region = new() { X = 5000, Y = 5000, Width = 100, Height = 100 } }));

    [Fact]
    public void ARegionBeyondTheBoundIsRefused() =>
        Assert.Contains($"at most {CameraInputRules.MaxRegionPixels}", Problem(Good with { Region = new() { X = 0, Y = 0, Width = int.MaxValue, Height = 1 } }), StringComparison.Ordinal);

    [Fact]
    public void FilesOutsideTheMediaFoldersGetTheSameAnswerWhetherOrNotTheyExist()
    {
        var existing = Path.Combine(outside, "there.mp4");
        File.Copy(video, existing);

        var forExisting = Problem(Good with { Source = existing });
        var forMissing = Problem(Good with { Source = Path.Combine(outside, "missing.mp4") });

        Assert.Contains("is outside the media folders this silo reads", forExisting, StringComparison.Ordinal);
        Assert.Contains("ActionNet:Ingest:MediaRoots", forExisting, StringComparison.Ordinal);
        Assert.Equal(forExisting.Replace("there.mp4", "missing.mp4", StringComparison.Ordinal), forMissing);
        Assert.Contains("is outside the media folders", Problem(Good with { Source = "/etc/passwd" }), StringComparison.Ordinal);
        Assert.Contains("is outside the media folders", Problem(Good with { Source = "/dev/zero" }), StringComparison.Ordinal);
        Assert.Contains("is outside the media folders", Problem(Good with { Source = Path.Combine(media, "..", Path.GetFileName(outside), "there.mp4") }), StringComparison.Ordinal);
    }

    [Fact]
    public void ALinkInsideAMediaFolderToAFileOutsideIsRefused()
    {
        var target = Path.Combine(outside, "secret.mp4");
        File.Copy(video, target);
        var link = Path.Combine(media, "link.mp4");
        File.CreateSymbolicLink(link, target);

        Assert.Contains("is outside the media folders", Problem(Good with { Source = link }), StringComparison.Ordinal);
    }

    [Fact]
    public void ADirectoryInAMediaFolderIsADirectoryAndAMissingFileDoesNotExist()
    {
        Directory.CreateDirectory(Path.Combine(media, "clips"));

        Assert.EndsWith("is a directory; expected a video file", Problem(Good with { Source = Path.Combine(media, "clips") }), StringComparison.Ordinal);
        Assert.Contains("does not exist on silo host", Problem(Good with { Source = Path.Combine(media, "missing.mp4") }), StringComparison.Ordinal);
    }
}
