using FileSync.Persistence.Serialization;
using FileSync.Sync.Contracts;

namespace FileSync.Sync.Outgoing;

/// <summary>Marker of the events a <see cref="DestinationActor"/> persists.</summary>
public interface IDestinationEvent;

/// <summary>A work joined the pending queue (the dedupe rules of <see cref="DestinationQueue"/> apply when it is replayed too).</summary>
public sealed record WorkEnqueued(SynchronizationWork Work) : IDestinationEvent;

/// <summary>A run (one work, or a batch of small files) took a slot.</summary>
public sealed record WorkStarted(Guid RunId, IReadOnlyList<SynchronizationWork> Works) : IDestinationEvent;

/// <summary>How one work of a run ended.</summary>
/// <param name="Report">Null when nothing was done (nothing is reported).</param>
/// <param name="Retry">It failed and runs again on a later pass.</param>
/// <param name="Conflicted">The destination holds a conflict for the file: later passes re-check it quietly until it is resolved.</param>
public sealed record WorkOutcome(SynchronizationWork Work, SynchronizationReport? Report, bool Retry, bool Conflicted = false);

/// <summary>A run ended and freed its slot.</summary>
public sealed record WorkFinished(Guid RunId, IReadOnlyList<WorkOutcome> Outcomes) : IDestinationEvent;

/// <summary>A pass looked at every local change up to <paramref name="UpTo"/> (those it skipped included).</summary>
public sealed record ChangesListed(long UpTo) : IDestinationEvent;

/// <summary>Every work at or below <paramref name="Etag"/> has finished: the destination has confirmed that much.</summary>
public sealed record DestinationConfirmed(long Etag) : IDestinationEvent;

/// <summary>First contact: the destination's server id and the last source ETag it already holds from this node.</summary>
public sealed record DestinationIdentified(Guid ServerId, long LastSourceFileEtag) : IDestinationEvent;

/// <summary>The whole queue state; works that were active when it was taken are in <paramref name="Pending"/> (they run again).</summary>
public sealed record DestinationSnapshot(
    IReadOnlyList<SynchronizationWork> Pending,
    IReadOnlyList<SynchronizationWork> Failed,
    IReadOnlyList<SynchronizationReport> Finished,
    IReadOnlyList<SynchronizationWork>? Conflicted,
    long ListedUpTo,
    long Confirmed,
    Guid? DestinationServerId);

/// <summary>Registers the event and snapshot manifests with the node's persistence serializer.</summary>
public static class DestinationEventManifests
{
    public static EventSerializer RegisterDestinationEvents(this EventSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        return serializer
            .Register<WorkEnqueued>("sync.destination.work-enqueued.v1")
            .Register<WorkStarted>("sync.destination.work-started.v1")
            .Register<WorkFinished>("sync.destination.work-finished.v1")
            .Register<ChangesListed>("sync.destination.changes-listed.v1")
            .Register<DestinationConfirmed>("sync.destination.confirmed.v1")
            .Register<DestinationIdentified>("sync.destination.identified.v1")
            .Register<DestinationSnapshot>("sync.destination.snapshot.v1");
    }
}
