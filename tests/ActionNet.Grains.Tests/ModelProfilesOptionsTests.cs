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
}
