using FileSync.Persistence.Serialization;

namespace FileSync.Sync.Synchronizers;

/// <summary>The push or the pull of a synchronizer.</summary>
public enum SynchronizerPhase
{
    Push,
    Pull,
}

/// <summary>Marker of the events a <see cref="SynchronizerActor"/> persists.</summary>
public interface ISynchronizerEvent;

/// <summary>The synchronizer exists: both phases are <c>triggered</c> (the pull waits for the push).</summary>
public sealed record SynchronizerCreated(string Id, DateTimeOffset At) : ISynchronizerEvent;

/// <summary>The push started (again, after a crash, when <paramref name="Attempt"/> &gt; 1).</summary>
public sealed record PushTriggered(int Attempt) : ISynchronizerEvent;

/// <summary>The push ended; <paramref name="Conflicts"/> names the files the remote found conflicted.</summary>
public sealed record PushCompleted(IReadOnlyList<string> Conflicts) : ISynchronizerEvent;

public sealed record PushFailed(string Reason) : ISynchronizerEvent;

/// <summary>The pull started (again, after a crash, when <paramref name="Attempt"/> &gt; 1).</summary>
public sealed record PullTriggered(int Attempt) : ISynchronizerEvent;

/// <summary>The pull ended; <paramref name="Conflicts"/> names the files this node found conflicted.</summary>
public sealed record PullCompleted(IReadOnlyList<string> Conflicts) : ISynchronizerEvent;

public sealed record PullFailed(string Reason) : ISynchronizerEvent;

/// <summary>Marker of the events of <c>/user/synchronizers</c> (the list).</summary>
public interface ISynchronizerListEvent;

/// <summary>A synchronizer was created; it is running until <see cref="SynchronizerFinished"/>.</summary>
public sealed record SynchronizerListed(string Id) : ISynchronizerListEvent;

public sealed record SynchronizerFinished(string Id) : ISynchronizerListEvent;

/// <summary>An old finished synchronizer left the list (at most <see cref="SynchronizerSettings.MaxKept"/> are kept).</summary>
public sealed record SynchronizerForgotten(string Id) : ISynchronizerListEvent;

/// <summary>The whole list: ids newest first, and those still running.</summary>
public sealed record SynchronizerListSnapshot(IReadOnlyList<string> Ids, IReadOnlyList<string> Running);

/// <summary>Registers the synchronizers' event and snapshot manifests with the node's persistence serializer.</summary>
public static class SynchronizerEventManifests
{
    public static EventSerializer RegisterSynchronizerEvents(this EventSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        return serializer
            .Register<SynchronizerCreated>("storage.synchronizer.created.v1")
            .Register<PushTriggered>("storage.synchronizer.push-triggered.v1")
            .Register<PushCompleted>("storage.synchronizer.push-completed.v1")
            .Register<PushFailed>("storage.synchronizer.push-failed.v1")
            .Register<PullTriggered>("storage.synchronizer.pull-triggered.v1")
            .Register<PullCompleted>("storage.synchronizer.pull-completed.v1")
            .Register<PullFailed>("storage.synchronizer.pull-failed.v1")
            .Register<SynchronizerListed>("storage.synchronizers.listed.v1")
            .Register<SynchronizerFinished>("storage.synchronizers.finished.v1")
            .Register<SynchronizerForgotten>("storage.synchronizers.forgotten.v1")
            .Register<SynchronizerListSnapshot>("storage.synchronizers.snapshot.v1");
    }
}
