using FileSync.Kernel.Dispatch;

namespace FileSync.Kernel;

/// <summary>Request/response over messages.</summary>
public static class AskExtensions
{
    /// <summary>Sends <paramref name="message"/> with a temporary sender and awaits the first reply.
    /// A <see cref="Status.Failure"/> reply throws its exception; <see cref="Status.Success"/> is unwrapped when its
    /// value is a <typeparamref name="T"/>; no reply in time throws <see cref="AskTimeoutException"/>; cancellation
    /// throws <see cref="OperationCanceledException"/>.</summary>
    /// <param name="timeout">Defaults to the system's <see cref="KernelSettings.DefaultAskTimeout"/>.</param>
    public static async Task<T> Ask<T>(this IActorRef target, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(message);
        var limit = timeout ?? (target as LocalActorRef)?.Cell.System.Settings.DefaultAskTimeout ?? KernelSettings.Default.DefaultAskTimeout;
        if (limit <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeout), limit, "An ask timeout must be positive.");

        var promise = new PromiseRef();
        target.Tell(message, promise);
        object reply;
        try
        {
            reply = await promise.Reply.Task.WaitAsync(limit, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new AskTimeoutException($"Ask to {target.Path} timed out after {limit.TotalMilliseconds:0} ms waiting for a reply to {message.GetType().Name}.");
        }

        return reply switch
        {
            Status.Failure failure when typeof(T) != typeof(Status.Failure) => throw failure.Cause,
            T typed => typed,
            Status.Success { Status: T value } => value,
            _ => throw new InvalidCastException(
                $"Ask to {target.Path} expected a {typeof(T).Name} reply to {message.GetType().Name} but got {reply.GetType().Name}."),
        };
    }
}
