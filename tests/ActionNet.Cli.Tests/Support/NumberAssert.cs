namespace ActionNet.Cli.Tests.Support;

/// <summary>Element-wise comparison of number sequences within a tolerance.</summary>
public static class NumberAssert
{
    /// <summary>Same length and every pair within <paramref name="tolerance"/>; the message names the first index that differs.</summary>
    public static void Close(IEnumerable<double> expected, IEnumerable<double> actual, double tolerance)
    {
        double[] e = [.. expected], a = [.. actual];
        Assert.Equal(e.Length, a.Length);
        for (var i = 0; i < e.Length; i++)
        {
            Assert.True(Math.Abs(e[i] - a[i]) <= tolerance, $"index {i}: expected {e[i]}, got {a[i]} (tolerance {tolerance})");
        }
    }
}
