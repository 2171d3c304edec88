using Microsoft.Extensions.Logging;

namespace ActionNet.Streams.Tests;

/// <summary>Counts warnings (and keeps the last one) while passing every line on.</summary>
public sealed class CountingLogger(ILogger inner) : ILogger
{
    private int _warnings;

    public int Warnings => Volatile.Read(ref _warnings);

    public string? LastWarning { get; private set; }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (logLevel == LogLevel.Warning)
        {
            Interlocked.Increment(ref _warnings);
            LastWarning = formatter(state, exception);
        }

        inner.Log(logLevel, eventId, state, exception, formatter);
    }
}
