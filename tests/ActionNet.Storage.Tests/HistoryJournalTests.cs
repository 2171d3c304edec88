using ActionNet.Abstractions.History;

namespace ActionNet.Storage.Tests;

/// <summary>The local journal: durable appends, replay after reopening, torn tails, the size limit.</summary>
public sealed class HistoryJournalTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "actionnet-journal-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void ReopeningTheJournalReplaysWhatWasNotAcknowledged()
    {
        var directory = new HistoryJournalDirectory(folder, 1 << 20);
        using (var journal = directory.Open("gate"))
        {
            foreach (var e in TestEvents.Range("gate", 0, 9))
            {
                Assert.True(journal.TryAppend(new HistoryRecord { Event = e }));
            }

            var (first, end) = journal.ReadPending(4);
            journal.Acknowledge(end, first.Count);
            Assert.Equal(6, journal.Depth);
        }

        using var reopened = new HistoryJournalDirectory(folder, 1 << 20).Open("gate");
        var (records, _) = reopened.ReadPending(100);

        // The acknowledged records are still in the file (it is emptied only when all are stored); the
        // store skips them by sequence, so a replay writes each once.
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), records.Select(r => r.Sequence));
        Assert.Equal(9, reopened.HighestSequence);
        Assert.Equal(TestEvents.Range("gate", 0, 0)[0].End, reopened.Oldest);
    }

    [Fact]
    public void TheFolderCountsTheRecordsItsOpenJournalsHoldUntilTheyAreStoredOrTheJournalCloses()
    {
        var directory = new HistoryJournalDirectory(folder, 1 << 20);
        var gate = directory.Open("gate");
        using (var door = directory.Open("door"))
        {
            foreach (var e in TestEvents.Range("gate", 0, 4))
            {
                Assert.True(gate.TryAppend(new HistoryRecord { Event = e }));
            }

            Assert.True(door.TryAppend(new HistoryRecord { Event = TestEvents.Range("door", 0, 0)[0] }));
            Assert.Equal(6, directory.PendingRecords);

            var (first, end) = gate.ReadPending(2);
            gate.Acknowledge(end, first.Count);
            Assert.Equal(4, directory.PendingRecords);
        }

        Assert.Equal(3, directory.PendingRecords);
        var (rest, last) = gate.ReadPending(100);
        gate.Acknowledge(last, rest.Count);
        Assert.Equal(0, directory.PendingRecords);
        gate.Dispose();
        Assert.Equal(0, directory.PendingRecords);
    }

    [Fact]
    public void AJournalEmptiedAfterStoringKeepsItsHighestSequence()
    {
        var directory = new HistoryJournalDirectory(folder, 1 << 20);
        using (var journal = directory.Open("gate"))
        {
            foreach (var e in TestEvents.Range("gate", 0, 4))
            {
                journal.TryAppend(new HistoryRecord { Event = e });
            }

            var (records, end) = journal.ReadPending(100);
            journal.Acknowledge(end, records.Count);
            Assert.Equal(0, journal.Depth);
            Assert.Null(journal.Oldest);
            Assert.Equal(0, new FileInfo(journal.FilePath).Length);
        }

        using var reopened = directory.Open("gate");
        Assert.Equal(4, reopened.HighestSequence);
        Assert.Equal(0, reopened.Depth);
        Assert.Equal(0, directory.UsedBytes);
    }

    [Fact]
    public void ATornLastLineFromACrashIsCutOff()
    {
        var directory = new HistoryJournalDirectory(folder, 1 << 20);
        string path;
        using (var journal = directory.Open("gate"))
        {
            path = journal.FilePath;
            foreach (var e in TestEvents.Range("gate", 0, 2))
            {
                journal.TryAppend(new HistoryRecord { Event = e });
            }
        }

        File.AppendAllText(path, "{\"event\":{\"cameraId\":\"gate\",\"seq");
        using var reopened = new HistoryJournalDirectory(folder, 1 << 20).Open("gate");

        Assert.Equal(3, reopened.Depth);
        Assert.Equal([0L, 1, 2], reopened.ReadPending(10).Records.Select(r => r.Sequence));
        Assert.True(reopened.TryAppend(new HistoryRecord { Event = TestEvents.Event("gate", 3, 3) }));
        Assert.Equal([0L, 1, 2, 3], reopened.ReadPending(10).Records.Select(r => r.Sequence));
    }

    [Fact]
    public void AFullJournalRefusesRecordsAndWritesNothing()
    {
        var directory = new HistoryJournalDirectory(folder, 2000);
        using var journal = directory.Open("gate");
        var accepted = TestEvents.Range("gate", 0, 99).TakeWhile(e => journal.TryAppend(new HistoryRecord { Event = e })).Count();
        var size = new FileInfo(journal.FilePath).Length;

        Assert.InRange(accepted, 1, 10);
        Assert.False(journal.TryAppend(new HistoryRecord { Event = TestEvents.Event("gate", 500, 500) }));
        Assert.Equal(size, new FileInfo(journal.FilePath).Length);
        Assert.Equal(accepted, journal.Depth);
        Assert.True(directory.UsedBytes <= directory.MaxBytes);
    }

    [Fact]
    public void ASecondActivationOnTheSameDiskCannotOpenTheJournal()
    {
        var directory = new HistoryJournalDirectory(folder, 1 << 20);
        using var journal = directory.Open("gate");

        Assert.ThrowsAny<IOException>(() => directory.Open("gate"));
    }

    [Fact]
    public void GapsAreJournaledWithTheirReason()
    {
        var directory = new HistoryJournalDirectory(folder, 1 << 20);
        var gap = new HistoryGap { CameraId = "gate", Start = TestEvents.Origin, End = TestEvents.Origin.AddSeconds(3), PreviousSequence = 1, NextSequence = 4, Reason = "2 scored window(s) lost: journal full", LostWindows = 2 };
        using (var journal = directory.Open("gate"))
        {
            journal.TryAppend(new HistoryRecord { Gap = gap });
        }

        using var reopened = directory.Open("gate");
        Assert.Equal(gap, Assert.Single(reopened.ReadPending(10).Records).Gap);
    }
}
