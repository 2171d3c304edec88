using ActionNet.Inference.Scoring;

namespace ActionNet.Inference.Tests.Scoring;

public sealed class SoftmaxTests
{
    [Fact]
    public void ProbabilitiesSumToOneAndKeepTheLogitOrder()
    {
        var probabilities = Softmax.Compute([1f, 2f, 3f, 0.5f, -4f]);

        Assert.Equal(1.0, probabilities.Sum(p => (double)p), 5);
        var denominator = Math.Exp(1) + Math.Exp(2) + Math.Exp(3) + Math.Exp(0.5) + Math.Exp(-4);
        Assert.Equal(Math.Exp(3) / denominator, probabilities[2], 5);
        Assert.Equal(2, Softmax.ArgMax(probabilities));
        Assert.True(probabilities[1] > probabilities[0] && probabilities[0] > probabilities[3] && probabilities[3] > probabilities[4]);
    }

    [Fact]
    public void LargeLogitsDoNotOverflow()
    {
        var probabilities = Softmax.Compute([1000f, 999f, -1000f, 1000f]);

        Assert.All(probabilities, p => Assert.True(float.IsFinite(p)));
        Assert.Equal(1.0, probabilities.Sum(p => (double)p), 5);
        Assert.Equal(probabilities[0], probabilities[3]);
        Assert.Equal(1 / (2 + Math.Exp(-1)), probabilities[0], 5);
    }

    [Fact]
    public void EqualLogitsGiveAUniformDistribution()
    {
        var probabilities = Softmax.Compute([-3e30f, -3e30f, -3e30f, -3e30f]);

        Assert.All(probabilities, p => Assert.Equal(0.25f, p, 6));
    }

    [Fact]
    public void ArgMaxPicksTheFirstOfEqualMaxima()
    {
        Assert.Equal(1, Softmax.ArgMax([0f, 5f, 5f, 1f]));
    }
}
