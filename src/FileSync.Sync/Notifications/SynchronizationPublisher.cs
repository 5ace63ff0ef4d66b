using FileSync.Kernel;
using FileSync.Sync.Contracts;
using FileSync.Sync.Outgoing;

namespace FileSync.Sync.Notifications;

/// <summary>
/// Turns what both sides of synchronization do into <see cref="SynchronizationActivity"/> and
/// <see cref="ConflictActivity"/> on the actor system's event stream (the notification hub forwards them).
/// A null stream publishes nothing, so components built without an actor system (unit tests) need none.
/// </summary>
public sealed class SynchronizationPublisher(EventStream? events)
{
    public static SynchronizationPublisher None { get; } = new(null);

    /// <summary>The source side: Enqueue, Start and Finish of the works a <see cref="DestinationActor"/> persisted (never during recovery).</summary>
    public void Outgoing(string fileSystem, string destinationFileSystemUrl, IDestinationEvent persisted)
    {
        if (events is null) return;
        switch (persisted)
        {
            case WorkEnqueued enqueued:
                Publish(fileSystem, destinationFileSystemUrl, enqueued.Work.FileName, enqueued.Work.Type, SynchronizationAction.Enqueue);
                break;
            case WorkStarted started:
                foreach (var work in started.Works)
                    Publish(fileSystem, destinationFileSystemUrl, work.FileName, work.Type, SynchronizationAction.Start);
                break;
            case WorkFinished finished:
                // The report's type is the final one (a provisional ContentUpdate may have become a MetadataUpdate).
                foreach (var outcome in finished.Outcomes)
                    Publish(fileSystem, destinationFileSystemUrl, outcome.Work.FileName, outcome.Report?.Type ?? outcome.Work.Type, SynchronizationAction.Finish);
                break;
        }
    }

    /// <summary>
    /// The destination side: publishes <c>Start</c> now and <c>Finish</c> when the result is disposed (at the end of
    /// the incoming change, whatever its outcome). <paramref name="sourceFileSystemUrl"/> is <c>{url}/fs/{fs}</c> of the source.
    /// </summary>
    public IDisposable Incoming(string fileSystem, string fileName, string sourceFileSystemUrl, SynchronizationType type)
    {
        if (events is null) return NoFinish.Instance;
        events.Publish(new SynchronizationActivity(fileSystem, fileName, sourceFileSystemUrl, type, SynchronizationAction.Start, SynchronizationDirection.Incoming));
        return new IncomingFinish(events,
            new SynchronizationActivity(fileSystem, fileName, sourceFileSystemUrl, type, SynchronizationAction.Finish, SynchronizationDirection.Incoming));
    }

    public void Conflict(string fileSystem, string fileName, string sourceServerUrl, ConflictStatus status) =>
        events?.Publish(new ConflictActivity(fileSystem, fileName, sourceServerUrl, status));

    private void Publish(string fileSystem, string url, string fileName, SynchronizationType type, SynchronizationAction action) =>
        events!.Publish(new SynchronizationActivity(fileSystem, fileName, url, type, action, SynchronizationDirection.Outgoing));

    private sealed class IncomingFinish(EventStream events, SynchronizationActivity finish) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) events.Publish(finish);
        }
    }

    private sealed class NoFinish : IDisposable
    {
        public static NoFinish Instance { get; } = new();

        public void Dispose()
        {
        }
    }
}
