using Microsoft.Extensions.Logging;

namespace FileSync.Kernel;

/// <summary>A log entry as published on the event stream (and also written to Microsoft.Extensions.Logging).</summary>
/// <param name="LogSource">Usually the path of the actor that logged.</param>
public abstract record LogEvent(string LogSource, string Message)
{
    public abstract LogLevel Level { get; }
}

public sealed record Error(string LogSource, string Message, Exception? Cause) : LogEvent(LogSource, Message)
{
    public override LogLevel Level => LogLevel.Error;
}

public sealed record Warning(string LogSource, string Message) : LogEvent(LogSource, Message)
{
    public override LogLevel Level => LogLevel.Warning;
}

public sealed record Info(string LogSource, string Message) : LogEvent(LogSource, Message)
{
    public override LogLevel Level => LogLevel.Information;
}
