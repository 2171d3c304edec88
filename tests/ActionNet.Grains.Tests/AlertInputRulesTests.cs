using ActionNet.Abstractions.Alerts;
using ActionNet.Grains.Alerts;

namespace ActionNet.Grains.Tests;

public sealed class AlertInputRulesTests
{
    private static readonly AlertRule Good = new() { Id = "fall-1", Cameras = ["cam-1", "cam-2"], Label = "fall_floor", MinConfidence = 0.8, MinDurationSeconds = 2, CooldownSeconds = 60, WebhookUrl = "https://hooks.example.com/actionnet", Mqtt = true };

    [Fact]
    public void AWellFormedRulePasses() => Assert.Same(Good, AlertInputRules.Validate(Good));

    [Theory]
    [InlineData("id", "id 'Fall' is invalid")]
    [InlineData("cameras-empty", "cameras is empty")]
    [InlineData("cameras-mixed", "cameras mixes '*' with camera ids")]
    [InlineData("cameras-bad", "cameras holds '../x'")]
    [InlineData("cameras-twice", "cameras names 'cam-1' twice")]
    [InlineData("label", "the label '\\u000Afall' holds a control character")]
    [InlineData("confidence", "minConfidence '1.5' is invalid: expected a number from 0 to 1")]
    [InlineData("duration", "minDurationSeconds 'NaN' is invalid")]
    [InlineData("cooldown", "cooldownSeconds '-1' is invalid")]
    [InlineData("scheme", "webhookUrl 'ftp://x/y' is invalid: expected an absolute http:// or https:// URL")]
    [InlineData("user", "webhookUrl 'https://me:***@hooks.example.com/' carries credentials")]
    [InlineData("token", "webhookUrl 'https://hooks.example.com/?token=***' carries credentials")]
    [InlineData("target", "the rule has no target: expected webhookUrl, mqtt or both")]
    public void EachBrokenFieldIsNamedOnOneLine(string broken, string expected)
    {
        var rule = broken switch
        {
            "id" => Good with { Id = "Fall" },
            "cameras-empty" => Good with { Cameras = [] },
            "cameras-mixed" => Good with { Cameras = ["*", "cam-1"] },
            "cameras-bad" => Good with { Cameras = ["../x"] },
            "cameras-twice" => Good with { Cameras = ["cam-1", "cam-1"] },
            "label" => Good with { Label = "\nfall" },
            "confidence" => Good with { MinConfidence = 1.5 },
            "duration" => Good with { MinDurationSeconds = double.NaN },
            "cooldown" => Good with { CooldownSeconds = -1 },
            "scheme" => Good with { WebhookUrl = "ftp://x/y" },
            "user" => Good with { WebhookUrl = "https://me:secret-pass@hooks.example.com/" },
            "token" => Good with { WebhookUrl = "https://hooks.example.com/?token=abc123" },
            _ => Good with { WebhookUrl = null, Mqtt = false },
        };

        var error = Assert.Throws<ArgumentException>(() => AlertInputRules.Validate(rule));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain("secret-pass", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("abc123", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FiringAndDeliveryIdsAreDerivedFromRuleCameraSegmentStepAndTarget()
    {
        var firing = AlertKeys.FiringId("fall-1", "cam-1", 42);

        Assert.Equal("fall-1.cam-1.42", firing);
        Assert.Equal("fall-1.cam-1.42.update-3.mqtt", AlertKeys.DeliveryId(firing, AlertKeys.Step(AlertPhase.Update, 3), AlertTarget.Mqtt));
        Assert.Equal("fall-1.cam-1.42.start.webhook", AlertKeys.DeliveryId(firing, AlertKeys.Step(AlertPhase.Start), AlertTarget.Webhook));
    }

    [Fact]
    public void TheSignatureIsTheHexHmacSha256OfTheBody()
    {
        // RFC 4231, test case 2.
        var signature = AlertSignature.Sign("Jefe", "what do ya want for nothing?"u8);

        Assert.Equal("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", signature);
    }

    [Fact]
    public void RetriesBackOffByDoublingUpToTheLongestDelay()
    {
        var options = new AlertOptions { FirstRetryDelayMs = 500, MaxRetryDelaySeconds = 5 };

        Assert.Equal([0.5, 1, 2, 4, 5, 5], Enumerable.Range(1, 6).Select(a => options.RetryDelay(a).TotalSeconds));
    }

    [Theory]
    [InlineData(1, 1440, "ActionNet:Alerts:DeliveryRetentionDays is 1 day(s), not longer than ActionNet:Alerts:CatchUpMinutes (1440 min); expected more, or 0 to keep every delivery")]
    [InlineData(-1, 10, "ActionNet:Alerts:DeliveryRetentionDays is -1; expected 0 to 3650")]
    [InlineData(1, 1439, null)]
    [InlineData(0, 1440, null)]
    public void DeliveriesAreKeptLongerThanARouterCatchesUp(int days, int catchUpMinutes, string? expected)
    {
        var problems = new AlertOptions { DeliveryRetentionDays = days, CatchUpMinutes = catchUpMinutes }.Validate();

        Assert.Equal(expected is null ? Array.Empty<string>() : new[] { expected }, problems);
    }

    [Fact]
    public void SettingsProblemsNameTheirKeyAndNeverRepeatTheSecret()
    {
        var options = new AlertOptions { WebhookSecret = "short-secret", Mqtt = new MqttBrokerOptions { Host = "broker", Port = 0, Password = "mqtt-pass" }, RetrySeconds = 0 };

        var problems = options.Validate();

        Assert.Contains("ActionNet:Alerts:WebhookSecret is 12 characters long; expected at least 16", problems);
        Assert.Contains("ActionNet:Alerts:Mqtt:Port is 0; expected 1 to 65535", problems);
        Assert.Contains("ActionNet:Alerts:RetrySeconds is 0; expected 1 to 604800", problems);
        Assert.DoesNotContain(problems, p => p.Contains("short-secret", StringComparison.Ordinal) || p.Contains("mqtt-pass", StringComparison.Ordinal));
        Assert.Equal("mqtt cannot be used: this cluster has no ActionNet:Alerts:Mqtt:Host", new AlertOptions().TargetProblem(Good with { WebhookUrl = null }));
    }
}
