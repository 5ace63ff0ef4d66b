namespace FileSync.Persistence;

public abstract partial class ReceivePersistentActor
{
    /// <summary>Loads the snapshot and replays the events; false when recovery failed and the actor is stopping.</summary>
    private async Task<bool> RecoverAsync()
    {
        long? failedAt = null;
        string? failedManifest = null;
        try
        {
            // Without a SnapshotOffer handler a snapshot could not be applied, so replay everything instead.
            if (HasRecoveryHandlerFor(typeof(SnapshotOffer)))
            {
                var stored = await SnapshotStore.LoadAsync(PersistenceId, RecoverySnapshotCriteria);
                if (stored is not null)
                {
                    var state = Persistence.Serializer.Deserialize(stored.Manifest, stored.Payload);
                    RunRecoveryHandler(new SnapshotOffer(stored.Metadata, state));
                    LastSequenceNr = stored.Metadata.SequenceNr;
                }
            }

            var highest = await Journal.ReadHighestSequenceNrAsync(PersistenceId);
            await foreach (var stored in Journal.ReplayAsync(PersistenceId, LastSequenceNr + 1, highest))
            {
                failedAt = stored.SequenceNr;
                failedManifest = stored.Manifest;
                var @event = Persistence.Serializer.Deserialize(stored.Manifest, stored.Payload);
                LastSequenceNr = stored.SequenceNr;
                RunRecoveryHandler(@event);
            }
            failedAt = null;

            // Deleted events still count: new ones continue after the highest number ever stored.
            LastSequenceNr = Math.Max(LastSequenceNr, highest);
            _highestAssigned = LastSequenceNr;
        }
#pragma warning disable CA1031 // whatever broke recovery, the actor must not run on partial state
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var failure = new RecoveryFailedException(PersistenceId, failedAt, failedManifest, ex);
            StopAfterFailure(failure, failure.Message);
            return false;
        }
        return true;
    }
}
