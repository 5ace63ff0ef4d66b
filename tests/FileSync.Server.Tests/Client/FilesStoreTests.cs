using FileSync.Client;
using FileSync.Server.Tests.Support;

namespace FileSync.Server.Tests.Client;

/// <summary>The .NET client against a real node over HTTP.</summary>
public sealed class FilesStoreTests : IAsyncLifetime
{
    private InProcessNode _node = null!;
    private FilesStore _store = null!;
    private AsyncFilesCommands Commands => _store.AsyncFilesCommands;

    public async Task InitializeAsync()
    {
        _node = await InProcessNode.StartAsync();
        _store = new FilesStore { Url = _node.BaseUrl, DefaultFileSystem = "NorthwindFS" }.Initialize();
        await Commands.Admin.CreateFileSystemAsync("NorthwindFS");
    }

    public async Task DisposeAsync()
    {
        _store.Dispose();
        await _node.DisposeAsync();
    }

    [Fact]
    public async Task Admin_creates_and_lists_file_systems()
    {
        Assert.True(await Commands.Admin.CreateFileSystemAsync("SlaveNorthwindFS"));
        Assert.False(await Commands.Admin.CreateFileSystemAsync("SlaveNorthwindFS"));
        Assert.Equal(["NorthwindFS", "SlaveNorthwindFS"], await Commands.Admin.GetNamesAsync());
    }

    [Fact]
    public async Task Upload_then_download_streams_content_and_metadata()
    {
        var content = Content.Bytes(1_000_000);
        var etag = await Commands.UploadAsync("/books/Inside.RavenDB.3.0.pdf", new MemoryStream(content),
            new Dictionary<string, string> { ["Owner"] = "Ayende", ["Title"] = "Inside RavenDB 3.0 — 3rd edition" });
        Assert.StartsWith("00000000-0000-0001-", etag, StringComparison.Ordinal);

        await using var download = await Commands.DownloadAsync("/books/Inside.RavenDB.3.0.pdf");
        using var copy = new MemoryStream();
        await download.Content.CopyToAsync(copy);
        Assert.Equal(content, copy.ToArray());
        Assert.Equal("Ayende", download.Metadata["Owner"]);
        Assert.Equal("Inside RavenDB 3.0 — 3rd edition", download.Metadata["Title"]);
        Assert.Equal(etag, download.Etag);
    }

    [Fact]
    public async Task Ranged_download_returns_the_slice()
    {
        var content = Content.Bytes(50_000);
        await Commands.UploadAsync("r.bin", new MemoryStream(content));
        await using var download = await Commands.DownloadAsync("r.bin", 100, 199);
        using var copy = new MemoryStream();
        await download.Content.CopyToAsync(copy);
        Assert.Equal(content[100..200], copy.ToArray());
        Assert.Equal(100, download.Length);
    }

    [Fact]
    public async Task Metadata_get_update_rename_delete_and_browse()
    {
        await Commands.UploadAsync("a.txt", new MemoryStream([1, 2, 3]), new Dictionary<string, string> { ["K"] = "1" });
        Assert.Equal("1", (await Commands.GetMetadataForAsync("a.txt"))!["K"]);
        Assert.Null(await Commands.GetMetadataForAsync("nothing.txt"));

        await Commands.UpdateMetadataAsync("a.txt", new Dictionary<string, string> { ["K"] = "2" });
        Assert.Equal("2", (await Commands.GetMetadataForAsync("a.txt"))!["K"]);

        await Commands.RenameAsync("a.txt", "/docs/b.txt");
        var files = await Commands.BrowseAsync();
        var only = Assert.Single(files);
        Assert.Equal("/docs/b.txt", only.FullPath);
        Assert.Equal(3, only.TotalSize);
        Assert.Equal("2", only.Metadata["K"]);

        await Commands.DeleteAsync("/docs/b.txt");
        Assert.Empty(await Commands.BrowseAsync());
        await Assert.ThrowsAsync<FileSyncNotFoundException>(() => Commands.DeleteAsync("/docs/b.txt"));
    }

    [Fact]
    public async Task Destinations_and_sync_config_are_typed()
    {
        Assert.Empty(await Commands.Synchronization.GetDestinationsAsync());
        Assert.Equal(new SynchronizationConfig(), await Commands.Synchronization.GetConfigAsync());

        await Commands.Synchronization.SetDestinationsAsync(
        [
            new SynchronizationDestination { ServerUrl = "http://localhost:8081", FileSystem = "SlaveNorthwindFS", ApiKey = "k", Username = "u", Domain = "d" },
            new SynchronizationDestination { ServerUrl = "http://localhost:8082", FileSystem = "Third", Enabled = false },
        ]);
        var destinations = await Commands.Synchronization.GetDestinationsAsync();
        Assert.Equal(2, destinations.Length);
        Assert.Equal("k", destinations[0].ApiKey);
        Assert.Equal("d", destinations[0].Domain);
        Assert.False(destinations[1].Enabled);

        var config = new SynchronizationConfig
        {
            FileConflictResolution = FileConflictResolution.ResolveToLatest,
            MaxNumberOfSynchronizationsPerDestination = 3,
            SynchronizationLockTimeoutMiliseconds = 1000,
        };
        await Commands.Synchronization.SetConfigAsync(config);
        Assert.Equal(config, await Commands.Synchronization.GetConfigAsync());

        Assert.True(await Commands.Configuration.DeleteKeyAsync(ConfigurationNames.SynchronizationDestinations));
        Assert.False(await Commands.Configuration.DeleteKeyAsync(ConfigurationNames.SynchronizationDestinations));
    }

    [Fact]
    public async Task For_file_system_addresses_another_file_system_over_the_same_connection()
    {
        await Commands.Admin.CreateFileSystemAsync("Other");
        var other = Commands.ForFileSystem("Other");
        await other.UploadAsync("x.bin", new MemoryStream([9]));
        Assert.Single(await other.BrowseAsync());
        Assert.Empty(await Commands.BrowseAsync());
    }

    [Fact]
    public async Task Errors_are_typed_and_carry_the_servers_problem_details()
    {
        var missingFs = await Assert.ThrowsAsync<FileSyncNotFoundException>(() => Commands.ForFileSystem("NoSuchFS").BrowseAsync());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missingFs.StatusCode);
        Assert.Contains("NoSuchFS", missingFs.ProblemDetails.Detail, StringComparison.Ordinal);
        Assert.Equal(missingFs.ProblemDetails.Detail, missingFs.Message);

        var missingFile = await Assert.ThrowsAsync<FileSyncNotFoundException>(() => Commands.DownloadAsync("nope.bin"));
        Assert.Equal("urn:filesync:file-not-found", missingFile.ProblemDetails.Type);

        var badName = await Assert.ThrowsAsync<FileSyncBadRequestException>(() => Commands.BrowseAsync(pageSize: 0));
        Assert.Equal(400, badName.ProblemDetails.Status);

        await Commands.UploadAsync("one.bin", new MemoryStream([1]));
        await Commands.UploadAsync("two.bin", new MemoryStream([2]));
        await Assert.ThrowsAsync<FileSyncConflictException>(() => Commands.RenameAsync("one.bin", "two.bin"));
    }

    [Fact]
    public void Using_commands_before_initialize_or_without_a_file_system_explains_what_is_missing()
    {
        using var store = new FilesStore { Url = _node.BaseUrl };
        var notInitialized = Assert.Throws<InvalidOperationException>(() => store.AsyncFilesCommands);
        Assert.Contains("Initialize", notInitialized.Message, StringComparison.Ordinal);
        store.Initialize();
        var noFs = Assert.Throws<InvalidOperationException>(() => store.AsyncFilesCommands.FileSystemName);
        Assert.Contains("DefaultFileSystem", noFs.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => new FilesStore { Url = "not a url" }.Initialize());
    }
}
