using Microsoft.Extensions.Logging;

namespace FileSync.Kernel;

/// <summary>Logging for actors: Error/Warning/Info are published on the event stream (so tests can filter
/// them) and written to the <see cref="ILogger"/>; Debug goes to the logger only.</summary>
public sealed class ActorLog
{
    private readonly ActorSystem _system;
    private readonly ILogger _logger;

    internal ActorLog(ActorSystem system, string logSource, string category)
    {
        _system = system;
        LogSource = logSource;
        _logger = system.LoggerFactory.CreateLogger(category);
    }

    public string LogSource { get; }

    public void Error(Exception? cause, string message) => Publish(new Error(LogSource, message, cause));

    public void Error(string message) => Error(null, message);

    public void Warning(string message) => Publish(new Warning(LogSource, message));

    public void Info(string message) => Publish(new Info(LogSource, message));

    public void Debug(string message)
    {
        if (_logger.IsEnabled(LogLevel.Debug)) _logger.Log(LogLevel.Debug, "[{LogSource}] {Message}", LogSource, message);
    }

    internal void Publish(LogEvent entry)
    {
        var cause = (entry as Error)?.Cause;
        if (_logger.IsEnabled(entry.Level)) _logger.Log(entry.Level, cause, "[{LogSource}] {Message}", entry.LogSource, entry.Message);
        _system.EventStream.Publish(entry);
    }
}
