using FileSync.Client;
using FileSync.TestSupport;

namespace FileSync.Cli.Tests.Support;

/// <summary>
/// Nodes A and B as real processes, shared by every test class of the <see cref="NodeCollection"/>. Each
/// behaviour uses its own file system so tests do not see each other's files:
/// <c>Docs</c> (A → B <c>Mirror</c>, enabled), <c>Files</c> and <c>Clash</c> (on both, no destinations),
/// <c>Linked</c> (on both; A's storage link pairs it with B's, B has no storage link).
/// </summary>
public sealed class TwoNodes : IAsyncLifetime
{
    private readonly TempDirectory _folder = new("filesync-cli-tests");

    public TwoNodes()
    {
        A = new CliNode(_folder.Combine("a"));
        B = new CliNode(_folder.Combine("b"));
        A.Configure($$"""
              file-systems = [
                { name = "Docs", destinations = [ { url = "{{B.Url}}", file-system = "Mirror" } ] }
                { name = "Files" }
                { name = "Clash" }
                { name = "Linked" }
              ]
              storage { file-system = "Linked", remote { url = "{{B.Url}}", file-system = "Linked" } }
            """);
        B.Configure("""
              file-systems = [ { name = "Mirror" }, { name = "Files" }, { name = "Clash" }, { name = "Linked" } ]
            """);
        StoreA = new FilesStore { Url = A.Url }.Initialize();
        StoreB = new FilesStore { Url = B.Url }.Initialize();
    }

    public CliNode A { get; }

    public CliNode B { get; }

    public FilesStore StoreA { get; }

    public FilesStore StoreB { get; }

    /// <summary>A scratch folder for local files of one test.</summary>
    public string LocalFolder(string name)
    {
        var path = _folder.Combine("local-" + name);
        Directory.CreateDirectory(path);
        return path;
    }

    public async Task InitializeAsync()
    {
        await Task.WhenAll(A.StartAsync(), B.StartAsync());
        // Listing the pending work starts the actor of each configured destination (what cluster and sharding show).
        await StoreA.AsyncFilesCommands.ForFileSystem("Docs").Synchronization.GetPendingAsync();
    }

    public Task DisposeAsync()
    {
        StoreA.Dispose();
        StoreB.Dispose();
        A.Dispose();
        B.Dispose();
        _folder.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>The test classes that share one pair of node processes (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class NodeCollection : ICollectionFixture<TwoNodes>
{
    public const string Name = "cli against two nodes";
}
