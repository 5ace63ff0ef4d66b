using FileSync.Client;

namespace FileSync.Acceptance.Support;

/// <summary>
/// Two nodes, A and B, shared by the tests of the <see cref="PairCollection"/>. Each behaviour gets its own
/// file system (or its own file names), so the tests do not see each other's work:
/// <list type="bullet">
/// <item><c>Manual</c> on both, no destinations: synchronized only by explicit <c>start/{file}</c> calls, so
/// every report is the test's own (no background pass races it).</item>
/// <item><c>AutoLocal</c>, <c>AutoRemote</c>, <c>AutoLatest</c>: B resolves conflicts automatically.</item>
/// <item><c>Limited</c>: A → B with at most 1 synchronization at once, the destination disabled at start.</item>
/// <item><c>Echo</c>: A → B and B → A, both enabled (background passes after every change).</item>
/// <item><c>Storm</c>: A → B with at most 2 at once.</item>
/// </list>
/// The background interval is one hour: passes run only after local changes or when triggered.
/// </summary>
public sealed class PairFixture : IAsyncLifetime
{
    public const int StormLimit = 2;

    private readonly Topology _topology = new();

    public PairFixture()
    {
        A = _topology.Define("a");
        B = _topology.Define("b");
        A.Configure(NodeConfig.Render(
        [
            new FileSystemSpec("Manual"),
            new FileSystemSpec("AutoLocal"),
            new FileSystemSpec("AutoRemote"),
            new FileSystemSpec("AutoLatest"),
            new FileSystemSpec("Limited") { MaxPerDestination = 1, Destinations = [new DestinationSpec(B, "Limited", Enabled: false)] },
            new FileSystemSpec("Echo") { Destinations = [new DestinationSpec(B, "Echo")] },
            new FileSystemSpec("Storm") { MaxPerDestination = StormLimit, Destinations = [new DestinationSpec(B, "Storm")] },
        ]));
        B.Configure(NodeConfig.Render(
        [
            new FileSystemSpec("Manual"),
            new FileSystemSpec("AutoLocal") { ConflictResolution = "ResolveToLocal" },
            new FileSystemSpec("AutoRemote") { ConflictResolution = "ResolveToRemote" },
            new FileSystemSpec("AutoLatest") { ConflictResolution = "ResolveToLatest" },
            new FileSystemSpec("Limited"),
            new FileSystemSpec("Echo") { Destinations = [new DestinationSpec(A, "Echo")] },
            new FileSystemSpec("Storm"),
        ]));
    }

    public NodeProcess A { get; }
    public NodeProcess B { get; }

    public AsyncFilesCommands OnA(string fileSystem) => _topology.Client(A, fileSystem);
    public AsyncFilesCommands OnB(string fileSystem) => _topology.Client(B, fileSystem);

    public SynchronizationDestination BAs(string fileSystem) => Topology.Destination(B, fileSystem);

    public Task InitializeAsync() => _topology.StartAllAsync();

    public Task DisposeAsync() => _topology.DisposeAsync().AsTask();
}

[CollectionDefinition(Name)]
public sealed class PairCollection : ICollectionFixture<PairFixture>
{
    public const string Name = "Node pair A-B";
}
