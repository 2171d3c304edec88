using ActionNet.Abstractions.History;

namespace ActionNet.Storage.Tests;

/// <summary>Bad queries fail with one line before anything is read, in the rules and in the store.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class HistoryQueryRulesTests(AzuriteFixture azurite)
{
    public static TheoryData<HistoryQuery, string> BadQueries() => new()
    {
        { new HistoryQuery { From = TestEvents.Origin, To = TestEvents.Origin.AddHours(-1) }, "reversed" },
        { new HistoryQuery { Limit = 0 }, "--limit 0 is invalid" },
        { new HistoryQuery { Limit = HistoryQueryRules.MaxLimit + 1 }, "--limit" },
        { new HistoryQuery { MinConfidence = float.NaN }, "--min-confidence NaN is invalid" },
        { new HistoryQuery { MinConfidence = 1.5f }, "--min-confidence 1.5 is invalid" },
        { new HistoryQuery { From = new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero) }, "--from 9999-12-31T23:59:59Z is out of range" },
        { new HistoryQuery { To = DateTimeOffset.MinValue }, "--to 0001-01-01T00:00:00Z is out of range" },
        { new HistoryQuery { After = "not-a-token" }, "--after 'not-a-token' is not a continuation token" },
        { new HistoryQuery { Cameras = ["Bad Camera"] }, "camera id 'Bad Camera' is invalid" },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task ABadQueryFailsWithOneLineAndNoStorageCall(HistoryQuery query, string expected)
    {
        var counter = new StorageCallCounter();
        var store = LabelStore.Connect(azurite.CreateStore().Options, counter);

        var rules = Assert.ThrowsAny<ArgumentException>(() => HistoryQueryRules.Validate(query, "events", HistoryInputNames.Cli));
        var stored = await Assert.ThrowsAnyAsync<ArgumentException>(() => store.QueryAsync(query));

        Assert.Contains(expected, rules.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', rules.Message);
        Assert.Equal(rules.Message, stored.Message);
        Assert.Equal(0, counter.Calls);
    }

    [Fact]
    public async Task AnUnknownLabelNamesTheModelsLabelsAfterOneCatalogueRead()
    {
        var counter = new StorageCallCounter();
        var store = LabelStore.Connect(azurite.CreateStore().Options, counter);
        await store.RegisterCameraAsync("gate", TestEvents.Labels);
        var before = counter.Calls;

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => store.QueryAsync(new HistoryQuery { Label = "dance" }));

        Assert.StartsWith("--label 'dance' is unknown: the models' labels are push, fall_floor, walk, run, ride_bike", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, counter.Calls - before);
    }

    [Fact]
    public void ATokenOfAnotherQueryKindIsRefused()
    {
        var query = new HistoryQuery { Cameras = ["gate"] };
        var token = HistoryCursor.After(query, "segments", 1, "gate", 2).Encode();

        var error = Assert.ThrowsAny<ArgumentException>(() => HistoryQueryRules.Validate(query with { After = token }, "events", HistoryInputNames.Cli));

        Assert.Contains("continues a 'segments' query, not 'events'", error.Message, StringComparison.Ordinal);
        Assert.Equal(HistoryCursor.After(query, "segments", 1, "gate", 2), HistoryQueryRules.Validate(query with { After = token }, "segments", HistoryInputNames.Cli));
    }

    public static TheoryData<HistoryQuery, string> OtherQueries() => new()
    {
        { new HistoryQuery { Cameras = ["dock"] }, "continues another query" },
        { new HistoryQuery { Cameras = ["gate", "dock"] }, "continues another query" },
        { new HistoryQuery { Cameras = ["gate"], Label = "walk" }, "continues another query" },
        { new HistoryQuery { Cameras = ["gate"], MinConfidence = 0.5f }, "continues another query" },
        { new HistoryQuery { Cameras = ["gate"], From = TestEvents.Origin.AddHours(-1) }, "may not reach back before" },
    };

    [Theory]
    [MemberData(nameof(OtherQueries))]
    public void ATokenContinuesOnlyTheQueryThatMadeIt(HistoryQuery other, string expected)
    {
        var made = new HistoryQuery { Cameras = ["gate"], From = TestEvents.Origin };
        var token = HistoryCursor.After(made, "events", TestEvents.Origin.AddMinutes(5).UtcTicks, "gate", 7).Encode();

        var error = Assert.ThrowsAny<ArgumentException>(() => HistoryQueryRules.Validate(other with { After = token }, "events", HistoryInputNames.Api));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("after '", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("--", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATokenStillContinuesItsQueryWhenTheRangeSlidesForwardOrTheCamerasAreGivenInAnotherOrder()
    {
        var made = new HistoryQuery { Cameras = ["gate", "dock"], From = TestEvents.Origin, Label = "walk" };
        var token = HistoryCursor.After(made, "events", TestEvents.Origin.AddMinutes(5).UtcTicks, "gate", 7).Encode();

        var cursor = HistoryQueryRules.Validate(made with { Cameras = ["dock", "gate"], From = TestEvents.Origin.AddSeconds(30), After = token }, "events", HistoryInputNames.Cli);

        Assert.Equal((TestEvents.Origin.AddMinutes(5).UtcTicks, "gate", 7L), (cursor!.Ticks, cursor.Camera, cursor.Sequence));
    }
}
