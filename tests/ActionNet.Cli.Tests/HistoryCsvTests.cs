using ActionNet.Abstractions.History;

namespace ActionNet.Cli.Tests;

/// <summary>History CSV quotes what needs quoting, headers included, and neutralises spreadsheet formulas.</summary>
public sealed class HistoryCsvTests
{
    [Theory]
    [InlineData("walk", "walk")]
    [InlineData("fall, floor", "\"fall, floor\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    public void ACellIsQuotedWhenItMustBeAndNeverRunsAsAFormula(string value, string expected) =>
        Assert.Equal(expected, HistoryCsv.Cell(value));

    [Fact]
    public void HeaderCellsNamedAfterOddLabelsKeepTheColumnsInPlace()
    {
        string[] labels = ["a,b", "=cmd", "walk"];
        var e = new ActionEvent
        {
            CameraId = "gate", Sequence = 3, Start = DateTimeOffset.UnixEpoch, End = DateTimeOffset.UnixEpoch.AddSeconds(1),
            Label = "=cmd", Confidence = 0.5f, Probabilities = [0.25f, 0.5f, 0.25f], Labels = labels, Model = "m,1", Silo = "s",
        };

        var csv = HistoryCsv.Write([e]).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("camera,sequence,start,end,label,confidence,model,silo,track,x1,y1,x2,y2,\"p_a,b\",p_=cmd,p_walk", csv[0]);
        Assert.Equal(16, Fields(csv[0]).Count);
        var row = Fields(csv[1]);
        Assert.Equal(16, row.Count);
        Assert.Equal("'=cmd", row[4]);
        Assert.Equal("m,1", row[6]);
        Assert.Equal(["", "", "", "", ""], row[8..13]);
    }

    [Fact]
    public void APersonsEventCarriesItsTrackAndBox()
    {
        var e = new ActionEvent
        {
            CameraId = "lobby", Sequence = 9, Label = "walk", Confidence = 0.5f, Probabilities = [1f], Labels = ["walk"],
            TrackId = "17", Box = [10.5f, 20, 50, 120.25f],
        };

        var row = Fields(HistoryCsv.Row(e));

        Assert.Equal(["17", "10.5", "20", "50", "120.25"], row[8..13]);
    }

    // A minimal RFC 4180 reader: the test's own, so it checks the writer rather than mirrors it.
    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                current.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}
