using System.Collections.Concurrent;
using FileSync.Storage.Database;
using FileSync.Storage.Files;

namespace FileSync.Storage.Writing;

/// <summary>
/// Single writer per file system without an actor system: a one-slot semaphore per file system. Used when
/// the storage is opened without an ActorSystem (tests of the storage alone, tools).
/// </summary>
internal sealed class LockingWriters(CommandExecutor executor) : IFileSystemWriters
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public event Action<FileChanged>? Changed;

    public async Task<FileRow?> SendAsync(FileSystemCommand command, CancellationToken ct)
    {
        var gate = _locks.GetOrAdd(command.FileSystem, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var (row, change) = await executor.ExecuteAsync(command, ct).ConfigureAwait(false);
            if (change is not null) Changed?.Invoke(change);
            return row;
        }
        finally
        {
            gate.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        foreach (var gate in _locks.Values) gate.Dispose();
        return ValueTask.CompletedTask;
    }
}
