using FileSync.Storage.Database;
using FileSync.Storage.Files;

namespace FileSync.Storage.Writing;

/// <summary>Runs one command against the catalog. Callers guarantee one command at a time per file system.</summary>
internal sealed class CommandExecutor(FileCatalog catalog)
{
    /// <summary>The resulting row (null when a delete found nothing) and the change to publish (null when nothing changed).</summary>
    public async Task<(FileRow? Row, FileChanged? Change)> ExecuteAsync(FileSystemCommand command, CancellationToken ct)
    {
        switch (command)
        {
            case CommitContent c:
            {
                var row = await catalog.CommitContentAsync(c.FileSystem, c.Name, c.Content, c.Metadata, ct).ConfigureAwait(false);
                return (row, new FileChanged(row.FileSystem, row.Name, row.Etag, FileChangeKind.ContentUpdated));
            }
            case CommitMetadata m:
            {
                var row = await catalog.CommitMetadataAsync(m.FileSystem, m.Name, m.Metadata, ct).ConfigureAwait(false);
                return (row, new FileChanged(row.FileSystem, row.Name, row.Etag, FileChangeKind.MetadataUpdated));
            }
            case CommitDelete d:
            {
                var row = await catalog.CommitDeleteAsync(d.FileSystem, d.Name, ct).ConfigureAwait(false);
                return (row, row is null ? null : new FileChanged(row.FileSystem, row.Name, row.Etag, FileChangeKind.Deleted));
            }
            case CommitRename r:
            {
                var row = await catalog.CommitRenameAsync(r.FileSystem, r.Name, r.NewName, ct).ConfigureAwait(false);
                return (row, r.Name == r.NewName ? null : new FileChanged(row.FileSystem, row.Name, row.Etag, FileChangeKind.Renamed, r.Name));
            }
            case CommitRemoteVersion v:
            {
                var row = await catalog.CommitRemoteAsync(v.FileSystem, v.Name, v.Content, v.Metadata, ct).ConfigureAwait(false);
                return (row, new FileChanged(row.FileSystem, row.Name, row.Etag, FileChangeKind.ReceivedFromRemote));
            }
            case CommitRemoteDelete rd:
            {
                var row = await catalog.CommitRemoteDeleteAsync(rd.FileSystem, rd.Name, rd.Metadata, ct).ConfigureAwait(false);
                return (row, new FileChanged(row.FileSystem, row.Name, row.Etag, FileChangeKind.ReceivedFromRemote));
            }
            default:
                throw new ArgumentException($"Unknown file system command {command.GetType().Name}.", nameof(command));
        }
    }
}
