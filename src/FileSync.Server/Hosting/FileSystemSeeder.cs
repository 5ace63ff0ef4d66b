using FileSync.Server.Documents;
using FileSync.Storage.Files;

namespace FileSync.Server.Hosting;

/// <summary>
/// Creates the file systems named in <c>filesync.file-systems</c> and writes the configuration
/// documents the entries declare. The configuration file is authoritative for what it declares:
/// those documents are rewritten at every start (edits made over HTTP last until the next start);
/// documents an entry does not mention are left alone.
/// </summary>
public static class FileSystemSeeder
{
    public static async Task SeedAsync(IFileSystems store, IReadOnlyList<FileSystemSeed> seeds, CancellationToken ct)
    {
        foreach (var seed in seeds)
        {
            await store.CreateFileSystemAsync(seed.Name, ct).ConfigureAwait(false);
            if (seed.Destinations is not null)
                await store.SetConfigAsync(seed.Name, ConfigDocumentNames.Destinations, seed.Destinations.ToJson(), ct).ConfigureAwait(false);
            if (seed.Config is not null)
                await store.SetConfigAsync(seed.Name, ConfigDocumentNames.SynchronizationConfig, seed.Config.ToJson(), ct).ConfigureAwait(false);
        }
    }
}
