using FileSync.Storage.Database;
using FileSync.Storage.Files;

namespace FileSync.Storage.Writing;

/// <summary>Routes each command to its file system's single writer and returns the committed row.</summary>
internal interface IFileSystemWriters : IAsyncDisposable
{
    Task<FileRow?> SendAsync(FileSystemCommand command, CancellationToken ct);

    /// <summary>Raised after every commit that changed something, in commit order per file system.</summary>
    event Action<FileChanged>? Changed;
}
