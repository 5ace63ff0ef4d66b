namespace FileSync.Kernel;

/// <summary>An ask got no reply in time.</summary>
public sealed class AskTimeoutException : TimeoutException
{
    public AskTimeoutException(string message) : base(message)
    {
    }

    public AskTimeoutException()
    {
    }

    public AskTimeoutException(string message, Exception inner) : base(message, inner)
    {
    }
}
