using FileSync.Kernel;

namespace FileSync.Sync.Synchronizers;

/// <summary>
/// Storage synchronizers as the HTTP facade uses them (<c>/storage/synchronizers</c>). Everything goes through
/// <c>/user/synchronizers</c> (<see cref="SynchronizersActor"/>).
/// </summary>
public sealed class StorageSynchronizers
{
    public const string ActorName = "synchronizers";

    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(30);

    private StorageSynchronizers(IActorRef actor) => Actor = actor;

    /// <summary>The <see cref="SynchronizersActor"/>.</summary>
    public IActorRef Actor { get; }

    /// <summary>
    /// Starts <c>/user/synchronizers</c> on <paramref name="system"/> (persistence must be registered on it, with
    /// <see cref="SynchronizerEventManifests.RegisterSynchronizerEvents"/> applied to its serializer).
    /// </summary>
    /// <param name="drains">The push and pull over <paramref name="link"/>; null exactly when <paramref name="link"/> is.</param>
    public static StorageSynchronizers Start(ActorSystem system, StorageLink? link, ISynchronizerDrains? drains, SynchronizerSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        var actor = system.ActorOf(SynchronizersActor.Props(link is null ? null : drains, settings ?? SynchronizerSettings.Default), ActorName);
        return new StorageSynchronizers(actor);
    }

    /// <summary>A new synchronizer (or the one still running); throws <see cref="StorageLinkMissingException"/> without a storage link.</summary>
    public async Task<SynchronizerView> CreateAsync(CancellationToken ct = default)
    {
        var answer = await Actor.Ask<object>(CreateSynchronizer.Instance, QueryTimeout, ct).ConfigureAwait(false);
        return answer switch
        {
            SynchronizerView view => view,
            StorageLinkMissing => throw new StorageLinkMissingException(),
            _ => throw new InvalidOperationException($"Unexpected answer {answer.GetType().Name} to CreateSynchronizer."),
        };
    }

    /// <summary>The synchronizer, or null when no synchronizer kept has that id (or the id is malformed).</summary>
    public async Task<SynchronizerView?> GetAsync(string id, CancellationToken ct = default)
    {
        if (!SynchronizerId.TryParse(id, out _)) return null;
        var answer = await Actor.Ask<object>(new GetSynchronizer(id), QueryTimeout, ct).ConfigureAwait(false);
        return answer as SynchronizerView;
    }

    /// <summary>Every synchronizer kept, newest first.</summary>
    public async Task<IReadOnlyList<SynchronizerView>> ListAsync(CancellationToken ct = default)
    {
        var ids = await Actor.Ask<SynchronizerIds>(ListSynchronizers.Instance, QueryTimeout, ct).ConfigureAwait(false);
        var views = await Task.WhenAll(ids.Ids.Select(id => GetAsync(id, ct))).ConfigureAwait(false);
        return views.OfType<SynchronizerView>().ToList();
    }
}

/// <summary>The node has no storage link (<c>filesync.storage.file-system</c> is empty), so nothing can be synchronized.</summary>
public sealed class StorageLinkMissingException()
    : InvalidOperationException("This node has no storage link: set filesync.storage.file-system and filesync.storage.remote { url, file-system } in its configuration.");
