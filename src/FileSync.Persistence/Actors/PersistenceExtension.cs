using System.Runtime.CompilerServices;
using FileSync.Kernel;
using FileSync.Persistence.Journal;
using FileSync.Persistence.Serialization;
using FileSync.Persistence.Snapshots;

namespace FileSync.Persistence;

/// <summary>
/// The journal, snapshot store and serializer that persistent actors of one <see cref="ActorSystem"/> use.
/// Register once per system before starting any persistent actor; the stores are owned by the caller
/// (dispose them after the system has terminated).
/// </summary>
public sealed class PersistenceExtension
{
    private static readonly ConditionalWeakTable<ActorSystem, PersistenceExtension> Registered = new();

    private PersistenceExtension(IJournal journal, ISnapshotStore snapshots, EventSerializer serializer, WriterIdentity writer, int snapshotEvery)
    {
        Journal = journal;
        Snapshots = snapshots;
        Serializer = serializer;
        Writer = writer;
        SnapshotEvery = snapshotEvery;
    }

    public IJournal Journal { get; }

    public ISnapshotStore Snapshots { get; }

    public EventSerializer Serializer { get; }

    /// <summary>Written into every event's <c>writer</c> column unless an actor overrides it.</summary>
    public WriterIdentity Writer { get; }

    /// <summary>Events between automatic snapshots for actors that offer their state (0 = never); <c>filesync.persistence.snapshot-every</c>.</summary>
    public int SnapshotEvery { get; }

    /// <summary>Makes the stores available to the persistent actors of <paramref name="system"/>.</summary>
    public static PersistenceExtension Register(ActorSystem system, IJournal journal, ISnapshotStore snapshots, EventSerializer serializer,
        WriterIdentity? writer = null, int snapshotEvery = 0)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(serializer);
        ArgumentOutOfRangeException.ThrowIfNegative(snapshotEvery);
        var extension = new PersistenceExtension(journal, snapshots, serializer, writer ?? WriterIdentity.ForThisProcess(), snapshotEvery);
        if (!Registered.TryAdd(system, extension))
        {
            throw new InvalidOperationException($"Persistence is already registered for actor system '{system.Name}'.");
        }
        return extension;
    }

    /// <summary>Registers the stores opened from settings (<see cref="PersistenceStores.OpenAsync"/>), taking snapshot-every from them.</summary>
    public static PersistenceExtension Register(ActorSystem system, PersistenceStores stores, EventSerializer serializer, PersistenceSettings settings,
        WriterIdentity? writer = null)
    {
        ArgumentNullException.ThrowIfNull(stores);
        ArgumentNullException.ThrowIfNull(settings);
        return Register(system, stores.Journal, stores.Snapshots, serializer, writer, settings.SnapshotEvery);
    }

    /// <summary>The registration for <paramref name="system"/>; a clear error when there is none.</summary>
    public static PersistenceExtension Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return Registered.TryGetValue(system, out var extension)
            ? extension
            : throw new InvalidOperationException(
                $"No persistence is registered for actor system '{system.Name}'; call PersistenceExtension.Register(system, journal, snapshots, serializer) before starting persistent actors.");
    }
}
