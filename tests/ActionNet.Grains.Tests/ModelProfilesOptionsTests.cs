using ActionNet.Abstractions.Cameras;
using ActionNet.Grains.Cameras;
using ActionNet.Grains.Inference;
using ActionNet.Vision.Frames;
using Microsoft.Extensions.Configuration;

namespace ActionNet.Grains.Tests;

public sealed class ModelProfilesOptionsTests : IDisposable
{
    private readonly string model = Path.GetTempFileName();

    public void Dispose() => File.Delete(model);

    private static ModelProfilesOptions Read(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var options = new ModelProfilesOptions();
        options.Read(configuration.GetSection(ModelProfilesOptions.SectionName));
        return options;
    }

    [Fact]
    public void ProfileSettingsAndDefaultsAreRead()
    {
        var options = Read(new()
        {
            ["ActionNet:Profiles:rgb:Model"] = model,
            ["ActionNet:Profiles:rgb:Accelerators"] = "t4, cpu",
            ["ActionNet:Profiles:flow:Model"] = model,
            ["ActionNet:Profiles:flow:Accelerators:0"] = "jetson",
            ["ActionNet:Profiles:flow:Stride"] = "2",
            ["ActionNet:Profiles:flow:Resize"] = "centercrop",
        });

        Assert.Empty(options.Errors);
        var rgb = options.Get("RGB");
        Assert.Equal(["t4", "cpu"], rgb.Accelerators);
        Assert.Equal(8, rgb.StrideFor(32));
        Assert.Equal(8, rgb.MaxBatch);
        Assert.Equal(0, rgb.MaxWaitMs);
        var flow = options.Get("flow");
        Assert.Equal(["jetson"], flow.Accelerators);
        Assert.Equal(2, flow.StrideFor(32));
        Assert.Equal(ResizeMode.CenterCrop, flow.Resize);
    }

    [Fact]
    public void AMissingModelOrBadNumberIsReportedWithItsKey()
    {
        var options = Read(new()
        {
            ["ActionNet:Profiles:rgb:Stride"] = "0",
        });

        Assert.Contains(options.Errors, e => e.StartsWith("ActionNet:Profiles:rgb:Model is missing", StringComparison.Ordinal));
        Assert.Contains(options.Errors, e => e.StartsWith("ActionNet:Profiles:rgb:Stride is '0'", StringComparison.Ordinal));
    }

    [Fact]
    public void RegisteringWithAnUnknownProfileNamesTheKnownOnes()
    {
        var options = Read(new() { ["ActionNet:Profiles:rgb:Model"] = model });

        var error = Assert.Throws<ArgumentException>(() =>
            CameraRegistrationRules.Validate(new CameraRegistration { Source = model, ModelProfile = "nope" }, options));

        Assert.Contains("model profile 'nope' is not configured; known profiles: rgb", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RegistrationRulesRejectBadNumbersMissingFilesAndUnsupportedSchemesWithoutShowingPasswords()
    {
        var options = Read(new() { ["ActionNet:Profiles:rgb:Model"] = model });
        var good = new CameraRegistration { Source = model, ModelProfile = "rgb" };

        Assert.Equal("rgb", CameraRegistrationRules.Validate(good, options).Name);
        Assert.Throws<ArgumentException>(() => CameraRegistrationRules.Validate(good with { Stride = 0 }, options));
        Assert.Throws<ArgumentException>(() => CameraRegistrationRules.Validate(good with { Subsample = -1 }, options));
        Assert.Throws<ArgumentException>(() => CameraRegistrationRules.Validate(good with { FpsCap = 0 }, options));
        Assert.Throws<ArgumentException>(() => CameraRegistrationRules.Validate(good with { Source = model + ".missing" }, options));
        Assert.Equal("rgb", CameraRegistrationRules.Validate(good with { Source = "rtsp://u:secret@host/x" }, options).Name);
        var url = Assert.Throws<ArgumentException>(() => CameraRegistrationRules.Validate(good with { Source = "ftp://u:secret@host/x" }, options));
        Assert.Contains("ftp://", url.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", url.Message, StringComparison.Ordinal);
    }
}
