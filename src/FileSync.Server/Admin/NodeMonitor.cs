using FileSync.Kernel;
using FileSync.Server.Hosting;

namespace FileSync.Server.Admin;

/// <summary>
/// What the admin routes report that no snapshot can tell afterwards: when the node started and how many
/// dead letters it has seen since. Starts after <see cref="NodeRuntime"/> (hosted services start in order).
/// </summary>
public sealed class NodeMonitor(NodeRuntime runtime, TimeProvider clock) : IHostedService, IDisposable
{
    private IDisposable? _subscription;
    private long _deadLetters;

    public DateTimeOffset StartedAt { get; private set; } = clock.GetUtcNow();

    public long DeadLetters => Interlocked.Read(ref _deadLetters);

    public TimeSpan Uptime => clock.GetUtcNow() - StartedAt;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        StartedAt = clock.GetUtcNow();
        // Delegate subscribers run on the publishing thread: an interlocked increment is all it does.
        _subscription = runtime.System.EventStream.Subscribe<DeadLetter>(_ => Interlocked.Increment(ref _deadLetters));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        Interlocked.Exchange(ref _subscription, null)?.Dispose();
    }
}
