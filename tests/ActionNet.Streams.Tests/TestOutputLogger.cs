using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace ActionNet.Streams.Tests;

/// <summary>Sends a source's log lines to the test's output, with the seconds since the test started, so a failure shows what the source went through.</summary>
public sealed class TestOutputLogger(ITestOutputHelper output) : ILogger
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        try
        {
            output.WriteLine($"{_clock.Elapsed.TotalSeconds,6:0.00} {logLevel}: {formatter(state, exception)}");
        }
        catch (InvalidOperationException)
        {
            // The test has finished; a late line from a background reader has nowhere to go.
        }
    }
}
