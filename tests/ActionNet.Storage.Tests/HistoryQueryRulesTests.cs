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

        var rules = Assert.ThrowsAny<ArgumentException>(() => HistoryQueryRules.Validate(query, "events"));
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
        var token = new HistoryCursor("segments", 1, "gate", 2, "").Encode();

        var error = Assert.ThrowsAny<ArgumentException>(() => HistoryQueryRules.Validate(new HistoryQuery { After = token }, "events"));

        Assert.Contains("continues a 'segments' query, not 'events'", error.Message, StringComparison.Ordinal);
        Assert.Equal(new HistoryCursor("segments", 1, "gate", 2, ""), HistoryQueryRules.Validate(new HistoryQuery { After = token }, "segments"));
    }
}
