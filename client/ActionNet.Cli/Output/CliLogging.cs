using ActionNet.Abstractions;
using Microsoft.Extensions.Logging;

namespace ActionNet.Cli.Output;

/// <summary>The CLI's logging: one plain line per message on stderr (<c>warning: ...</c>), warnings and above unless verbose.</summary>
public static class CliLogging
{
    /// <summary>Creates a logger factory writing single-line messages to stderr.</summary>
    public static ILoggerFactory Create(bool verbose = false) => LoggerFactory.Create(builder => builder
        .SetMinimumLevel(verbose ? LogLevel.Debug : LogLevel.Warning)
        .AddProvider(new StderrLoggerProvider()));

    private sealed class StderrLoggerProvider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new StderrLogger();

        public void Dispose()
        {
        }
    }

    private sealed class StderrLogger : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var level = logLevel switch
            {
                >= LogLevel.Error => "error",
                LogLevel.Warning => "warning",
                _ => "info",
            };
            Console.Error.WriteLine($"{level}: {ErrorText.OneLine(formatter(state, exception))}");
        }
    }
}
