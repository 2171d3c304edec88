using System.Diagnostics;

namespace ActionNet.Vision.Sources;

/// <summary>Measures an arrival rate over the last few frames (a fixed ring of timestamps, no allocation per frame).</summary>
internal sealed class FrameRateMeter
{
    private readonly long[] _ticks;
    private int _count;
    private int _next;

    public FrameRateMeter(int window = 32)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 2);
        _ticks = new long[window];
    }

    /// <summary>Records a frame arriving now.</summary>
    public void Tick()
    {
        _ticks[_next] = Stopwatch.GetTimestamp();
        _next = (_next + 1) % _ticks.Length;
        _count = Math.Min(_count + 1, _ticks.Length);
    }

    /// <summary>Forgets the history (after a reconnection the gap is not part of the rate).</summary>
    public void Reset()
    {
        _count = 0;
        _next = 0;
    }

    /// <summary>Frames per second over the recorded window; 0 with fewer than two frames.</summary>
    public double FramesPerSecond()
    {
        if (_count < 2)
        {
            return 0;
        }

        var newest = _ticks[(_next - 1 + _ticks.Length) % _ticks.Length];
        var oldest = _ticks[(_next - _count + _ticks.Length) % _ticks.Length];
        var seconds = Stopwatch.GetElapsedTime(oldest, newest).TotalSeconds;
        return seconds > 0 ? (_count - 1) / seconds : 0;
    }
}
