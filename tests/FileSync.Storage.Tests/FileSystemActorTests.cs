using System.Collections.Concurrent;
using FileSync.Kernel;
using FileSync.Storage.Files;
using FileSync.TestSupport;

namespace FileSync.Storage.Tests;

/// <summary>The single writer as an actor in a system the caller owns: its path, and the events it publishes.</summary>
public sealed class FileSystemActorTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new("storage-actor");
    private ActorSystem _system = null!;
    private NodeStorage _node = null!;

    public async Task InitializeAsync()
    {
        _system = ActorSystem.Create("node");
        _node = await NodeStorage.OpenAsync(StorageFactory.SmallChunks(_dir.Path), _system);
        await _node.FileSystems.CreateFileSystemAsync("NorthwindFS");
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        await _system.Terminate();
        _dir.Dispose();
    }

    [Fact]
    public async Task Commits_publish_FileChanged_on_the_event_stream_in_etag_order()
    {
        var seen = new ConcurrentQueue<FileChanged>();
        using var _ = _system.EventStream.Subscribe<FileChanged>(seen.Enqueue);
        var fs = _node.FileSystems;
        await fs.PutFileAsync("NorthwindFS", "/a", new MemoryStream([1, 2]), new Dictionary<string, string>());
        await fs.UpdateMetadataAsync("NorthwindFS", "/a", new Dictionary<string, string> { ["K"] = "V" });
        await fs.RenameFileAsync("NorthwindFS", "/a", "/b");
        await fs.DeleteFileAsync("NorthwindFS", "/b");

        Assert.Equal(
            [FileChangeKind.ContentUpdated, FileChangeKind.MetadataUpdated, FileChangeKind.Renamed, FileChangeKind.Deleted],
            seen.Select(e => e.Kind));
        Assert.Equal(seen.Select(e => e.Etag).Order(), seen.Select(e => e.Etag));
        Assert.Equal("/a", seen.ElementAt(2).OldName);
    }

    [Fact]
    public async Task Each_file_system_has_its_writer_actor_under_user_filesystems()
    {
        await _node.FileSystems.PutFileAsync("NorthwindFS", "/a", new MemoryStream([1]), new Dictionary<string, string>());
        Assert.NotNull(_system.ResolvePath("/user/filesystems/NorthwindFS"));
    }

    [Fact]
    public async Task A_refused_commit_fails_the_caller_and_the_writer_keeps_working()
    {
        var fs = _node.FileSystems;
        await Assert.ThrowsAsync<StoredFileNotFoundException>(() => fs.RenameFileAsync("NorthwindFS", "/missing", "/x"));
        var stored = await fs.PutFileAsync("NorthwindFS", "/ok", new MemoryStream([7]), new Dictionary<string, string>());
        Assert.Equal(1, stored.Size);
    }
}
