using System.Collections.Concurrent;
using FileSync.Sync.Contracts;
using FileSync.Sync.Synchronizers;

namespace FileSync.Sync.Tests.Synchronizers;

/// <summary>
/// The synchronizer's drains faked at their seam: records the order of the phases it ran, answers what it is
/// told (a clean result by default) and can hold a phase until released.
/// </summary>
public sealed class FakeDrains : ISynchronizerDrains
{
    public ConcurrentQueue<string> Calls { get; } = new();

    public Func<DestinationSyncResult> Push { get; set; } = () => Clean("http://remote:8081", "Remote");

    public Func<DestinationSyncResult> Pull { get; set; } = () => Clean("http://local:8080", "Local");

    /// <summary>When set, the push waits for it.</summary>
    public TaskCompletionSource? PushGate { get; set; }

    /// <summary>When set, the pull waits for it.</summary>
    public TaskCompletionSource? PullGate { get; set; }

    public static DestinationSyncResult Clean(string server, string fs) => new(server, fs, null, null);

    public async Task<DestinationSyncResult> PushAsync(CancellationToken ct)
    {
        Calls.Enqueue("push");
        if (PushGate is { } gate) await gate.Task.WaitAsync(ct);
        return Push();
    }

    public async Task<DestinationSyncResult> PullAsync(CancellationToken ct)
    {
        Calls.Enqueue("pull");
        if (PullGate is { } gate) await gate.Task.WaitAsync(ct);
        return Pull();
    }
}
