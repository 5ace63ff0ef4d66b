using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace FileSync.Kernel.TestKit;

/// <summary>Writes kernel logs into the xunit test output, so a failing test shows what the actors logged.</summary>
internal sealed class TestOutputLoggerFactory(ITestOutputHelper output, LogLevel minimum) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new OutputLogger(output, categoryName, minimum);

    public void AddProvider(ILoggerProvider provider) =>
        throw new NotSupportedException("The test output logger writes to the xunit output only; it takes no providers.");

    public void Dispose()
    {
    }

    private sealed class OutputLogger(ITestOutputHelper output, string category, LogLevel minimum) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var line = $"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel,-11} {category}: {formatter(state, exception)}";
            if (exception is not null) line += Environment.NewLine + exception;
            try
            {
                output.WriteLine(line);
            }
            catch (InvalidOperationException)
            {
                // The test already finished; xunit refuses late output. Nothing to do.
            }
        }
    }
}
