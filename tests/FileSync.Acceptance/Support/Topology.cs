using FileSync.Client;
using FileSync.TestSupport;

namespace FileSync.Acceptance.Support;

/// <summary>
/// Several node processes in one temp folder, and a client per (node, file system). Define the nodes
/// first (their ports are known at once), configure each with destinations naming the others, then start.
/// </summary>
public sealed class Topology : IAsyncDisposable
{
    private readonly TempDirectory _folder = new("filesync-acceptance");
    private readonly List<NodeProcess> _nodes = [];
    private readonly Dictionary<(string Node, string FileSystem), FilesStore> _stores = [];

    public NodeProcess Define(string name)
    {
        var node = NodeProcess.Define(name, _folder.Path);
        _nodes.Add(node);
        return node;
    }

    /// <summary>Starts every defined node that is not running, in parallel.</summary>
    public Task StartAllAsync() => Task.WhenAll(_nodes.Where(n => !n.IsRunning).Select(n => n.StartAsync()));

    /// <summary>Commands against one file system of one node (one pooled connection each).</summary>
    public AsyncFilesCommands Client(NodeProcess node, string fileSystem)
    {
        if (!_stores.TryGetValue((node.Name, fileSystem), out var store))
        {
            store = new FilesStore { Url = node.Url, DefaultFileSystem = fileSystem }.Initialize();
            _stores[(node.Name, fileSystem)] = store;
        }
        return store.AsyncFilesCommands;
    }

    public static SynchronizationDestination Destination(NodeProcess node, string fileSystem) =>
        new() { ServerUrl = node.Url, FileSystem = fileSystem };

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores.Values) store.Dispose();
        foreach (var node in _nodes) await node.DisposeAsync();
        _folder.Dispose();
    }
}
