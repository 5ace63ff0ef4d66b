using FileSync.TestSupport;

namespace FileSync.Storage.Tests;

public sealed class SqliteFileSystemsTests : FileSystemsBehaviour
{
    public SqliteFileSystemsTests() : base(new SqliteFactory()) { }

    private sealed class SqliteFactory : StorageFactory
    {
        public override Task<NodeStorage> OpenAsync(TempDirectory dataDir, StorageSettings? reuse = null, Func<StorageSettings, StorageSettings>? adjust = null)
        {
            var settings = reuse ?? SmallChunks(dataDir.Path);
            if (adjust is not null) settings = adjust(settings);
            return NodeStorage.OpenAsync(settings);
        }
    }
}
