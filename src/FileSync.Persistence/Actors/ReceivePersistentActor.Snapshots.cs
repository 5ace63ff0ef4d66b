using FileSync.Kernel;
using FileSync.Persistence.Snapshots;

namespace FileSync.Persistence;

public abstract partial class ReceivePersistentActor
{
    /// <summary>
    /// Saves <paramref name="snapshot"/> as the state after <see cref="LastSequenceNr"/>. Serialized now; stored in the
    /// background; the actor then receives <see cref="SaveSnapshotSuccess"/> or <see cref="SaveSnapshotFailure"/>.
    /// </summary>
    protected void SaveSnapshot(object snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var metadata = new SnapshotMetadata(PersistenceId, LastSequenceNr, DateTimeOffset.UtcNow);
        var self = Self;
        StoredSnapshot stored;
        try
        {
            var (manifest, payload) = Persistence.Serializer.Serialize(snapshot);
            stored = new StoredSnapshot(metadata, manifest, payload);
        }
#pragma warning disable CA1031 // reported to the actor like any other snapshot failure
        catch (Exception ex)
#pragma warning restore CA1031
        {
            self.Tell(new SaveSnapshotFailure(metadata, ex), self);
            return;
        }
        RunInBackground(self, () => SnapshotStore.SaveAsync(stored), new SaveSnapshotSuccess(metadata), ex => new SaveSnapshotFailure(metadata, ex));
    }

    /// <summary>Deletes this actor's snapshots that match; replies <see cref="DeleteSnapshotsSuccess"/> or <see cref="DeleteSnapshotsFailure"/>.</summary>
    protected void DeleteSnapshots(SnapshotSelectionCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        RunInBackground(Self, () => SnapshotStore.DeleteAsync(PersistenceId, criteria), new DeleteSnapshotsSuccess(criteria),
            ex => new DeleteSnapshotsFailure(criteria, ex));
    }

    /// <summary>
    /// Deletes this actor's events up to <paramref name="toSequenceNr"/> (at most <see cref="LastSequenceNr"/>); sequence numbers
    /// keep counting from the highest ever stored. Replies <see cref="DeleteMessagesSuccess"/> or <see cref="DeleteMessagesFailure"/>.
    /// </summary>
    protected void DeleteMessages(long toSequenceNr)
    {
        var upTo = Math.Min(toSequenceNr, LastSequenceNr);
        RunInBackground(Self, () => Journal.DeleteMessagesToAsync(PersistenceId, upTo), new DeleteMessagesSuccess(upTo),
            ex => new DeleteMessagesFailure(upTo, ex));
    }

    private void SnapshotIfDue()
    {
        var every = Persistence.SnapshotEvery;
        if (every > 0 && LastSequenceNr % every == 0 && SnapshotState() is { } state) SaveSnapshot(state);
    }

    // The store call runs off the actor (ConfigureAwait(false)); only the reply message comes back to it.
    private static void RunInBackground(IActorRef self, Func<Task> work, IPersistenceResult success, Func<Exception, IPersistenceResult> failure)
    {
        _ = RunAsync();

        async Task RunAsync()
        {
            IPersistenceResult result;
            try
            {
                await work().ConfigureAwait(false);
                result = success;
            }
#pragma warning disable CA1031 // every failure becomes a reply to the actor
            catch (Exception ex)
#pragma warning restore CA1031
            {
                result = failure(ex);
            }
            self.Tell(result, self);
        }
    }
}
