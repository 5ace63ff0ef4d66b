using FileSync.Acceptance.Support;
using FileSync.Client;
using FileSync.TestSupport;

namespace FileSync.Acceptance.StatusPage;

/// <summary>
/// Two nodes for the status page tests: A's <c>Linked</c> file system is A's storage link to B's <c>Linked</c>
/// (HOCON <c>filesync.storage</c>), and <c>Pages</c> exists on both without destinations, for conflicts made by
/// explicit <c>start/{file}</c> calls. Node C requires the API key <see cref="ApiKey"/>. The background interval is
/// one hour: nothing runs unless a test asks.
/// </summary>
public sealed class StatusPageFixture : IAsyncLifetime
{
    public const string Linked = "Linked";
    public const string Pages = "Pages";
    public const string Secured = "Secured";
    public const string ApiKey = "status-page-key";

    private readonly Topology _topology = new();
    private readonly TempDirectory _screenshots = new("filesync-status-page");

    public StatusPageFixture()
    {
        A = _topology.Define("a");
        B = _topology.Define("b");
        A.Configure(NodeConfig.Render([new FileSystemSpec(Linked), new FileSystemSpec(Pages)]) + $$"""

              storage { file-system = "{{Linked}}", remote { url = "{{B.Url}}", file-system = "{{Linked}}" } }
            """);
        B.Configure(NodeConfig.Render([new FileSystemSpec(Linked), new FileSystemSpec(Pages)]));
        C = _topology.Define("c");
        C.Configure(NodeConfig.Render([new FileSystemSpec(Secured)]) + $$"""

              security { api-keys = ["{{ApiKey}}"] }
            """);
    }

    public NodeProcess A { get; }
    public NodeProcess B { get; }
    public NodeProcess C { get; }

    /// <summary>Where the tests leave their screenshots (deleted with the fixture).</summary>
    public string ScreenshotFolder => _screenshots.Path;

    public AsyncFilesCommands OnA(string fileSystem) => _topology.Client(A, fileSystem);
    public AsyncFilesCommands OnB(string fileSystem) => _topology.Client(B, fileSystem);

    public SynchronizationDestination BAs(string fileSystem) => Topology.Destination(B, fileSystem);

    public Task InitializeAsync() => _topology.StartAllAsync();

    public async Task DisposeAsync()
    {
        await _topology.DisposeAsync();
        _screenshots.Dispose();
    }
}
