using System.Collections.Concurrent;
using FileSync.Storage.Files;
using FileSync.Sync.Contracts;

namespace FileSync.Sync.Incoming;

/// <summary>
/// The node's in-memory locks on files being received (RavenFS's SyncingLock): while a file is locked,
/// another incoming synchronization gets <c>Locked</c> and local writes get <see cref="FileLockedException"/>
/// (HTTP 420). A lock expires on its own after its timeout, so a source that died mid-transfer cannot
/// keep a file locked forever. Locks are not persisted: a restart releases them, and with them nothing
/// partial, because a version is only ever committed whole.
/// </summary>
public sealed class FileLockRegistry(TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<(string, string), FileLock> _locks = new();

    /// <summary>
    /// Takes the lock of a file for <paramref name="sourceServerUrl"/>; null when someone else holds an
    /// unexpired lock on it. Dispose the returned lease to release.
    /// </summary>
    public FileLockLease? TryAcquire(string fileSystem, string name, string sourceServerUrl, TimeSpan timeout,
        SynchronizationType type = SynchronizationType.ContentUpdate, string? sourceFileEtag = null)
    {
        var key = Key(fileSystem, name);
        var now = _time.GetUtcNow();
        var mine = new FileLock(fileSystem, key.Item2, sourceServerUrl, now, now + timeout) { Type = type, SourceFileEtag = sourceFileEtag };
        while (true)
        {
            if (_locks.TryAdd(key, mine)) return new FileLockLease(this, key, mine);
            if (!_locks.TryGetValue(key, out var held)) continue;
            if (held.ExpiresAt > now) return null;
            // An expired lock is as good as none: replace exactly that one.
            if (_locks.TryUpdate(key, mine, held)) return new FileLockLease(this, key, mine);
        }
    }

    /// <summary>The unexpired lock on a file, or null.</summary>
    public FileLock? Find(string fileSystem, string name)
    {
        var key = Key(fileSystem, name);
        if (!_locks.TryGetValue(key, out var held)) return null;
        if (held.ExpiresAt > _time.GetUtcNow()) return held;
        _locks.TryRemove(new KeyValuePair<(string, string), FileLock>(key, held));
        return null;
    }

    public bool IsLocked(string fileSystem, string name) => Find(fileSystem, name) is not null;

    /// <summary>Throws <see cref="FileLockedException"/> when the file is locked; called before local writes.</summary>
    public void ThrowIfLocked(string fileSystem, string name)
    {
        if (Find(fileSystem, name) is { } held) throw new FileLockedException(held);
    }

    /// <summary>The unexpired locks of one file system, ordered by when they were taken.</summary>
    public IReadOnlyList<FileLock> List(string fileSystem)
    {
        var now = _time.GetUtcNow();
        return _locks.Values
            .Where(l => l.ExpiresAt > now && string.Equals(l.FileSystem, fileSystem, StringComparison.OrdinalIgnoreCase))
            .OrderBy(l => l.AcquiredAt).ThenBy(l => l.Name, StringComparer.Ordinal)
            .ToList();
    }

    internal void Release((string, string) key, FileLock held) =>
        _locks.TryRemove(new KeyValuePair<(string, string), FileLock>(key, held));

    private static (string, string) Key(string fileSystem, string name) =>
        (fileSystem.ToUpperInvariant(), FileName.Normalize(name));
}

/// <summary>One held lock: which file, for which source, since and until when.</summary>
public sealed record FileLock(string FileSystem, string Name, string SourceServerUrl, DateTimeOffset AcquiredAt, DateTimeOffset ExpiresAt)
{
    /// <summary>What the incoming synchronization does to the file (shown by the <c>Incoming</c> route).</summary>
    public SynchronizationType Type { get; init; } = SynchronizationType.ContentUpdate;

    /// <summary>The source's ETag of the version being received, when known.</summary>
    public string? SourceFileEtag { get; init; }
}

/// <summary>A held lock; disposing releases it (only it: a lock that expired and was taken by another is left alone).</summary>
public sealed class FileLockLease : IDisposable
{
    private readonly FileLockRegistry _registry;
    private readonly (string, string) _key;
    private int _released;

    internal FileLockLease(FileLockRegistry registry, (string, string) key, FileLock held)
    {
        _registry = registry;
        _key = key;
        Lock = held;
    }

    public FileLock Lock { get; }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0) _registry.Release(_key, Lock);
    }
}

/// <summary>A local write to a file that an incoming synchronization is writing (HTTP 420).</summary>
public sealed class FileLockedException(FileLock held)
    : InvalidOperationException($"File '{held.Name}' is being synchronized from {held.SourceServerUrl}; try again after it is released (at the latest {held.ExpiresAt:O}).")
{
    public FileLock Lock { get; } = held;
}
