using FileSync.Storage.Chunking.Blake3;
using FileSync.Storage.Chunking;
using FileSync.Storage.Files;
using FileSync.TestSupport;

namespace FileSync.Storage.Tests;

/// <summary>
/// The behaviour every storage provider must show. Subclasses only say which database to open
/// (<c>Sqlite…</c>, <c>Postgres…</c>), so both run exactly the same assertions.
/// </summary>
public abstract class FileSystemsBehaviour(StorageFactory factory) : IAsyncLifetime
{
    private const string Fs = "NorthwindFS";
    private readonly TempDirectory _dir = new("storage-test");
    private NodeStorage _node = null!;

    protected StorageFactory Factory => factory;
    protected NodeStorage Node => _node;
    protected NodeFileSystems Files => _node.Store;
    protected TempDirectory DataDir => _dir;

    public async Task InitializeAsync()
    {
        _node = await factory.OpenAsync(_dir);
        await _node.FileSystems.CreateFileSystemAsync(Fs);
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        _dir.Dispose();
    }

    protected async Task RestartAsync(Func<StorageSettings, StorageSettings>? change = null)
    {
        var settings = _node.Settings;
        await _node.DisposeAsync();
        _node = await factory.OpenAsync(_dir, change is null ? settings : change(settings));
    }

    private Task<StoredFile> PutAsync(string name, byte[] content, Dictionary<string, string>? metadata = null) =>
        Files.PutFileAsync(Fs, name, new MemoryStream(content), metadata ?? []);

    [Fact]
    public async Task Put_then_get_returns_same_bytes_size_and_content_hash()
    {
        var content = TestData.Random(200_000, 1);
        var stored = await PutAsync("/books/a.bin", content, TestData.Meta(("Owner", "ann")));

        var fetched = await Files.GetFileAsync(Fs, "books/a.bin");
        Assert.NotNull(fetched);
        Assert.Equal(200_000, fetched.Size);
        Assert.Equal(Convert.ToHexStringLower(Blake3Hash.HashData(content)), fetched.ContentHash);
        Assert.Equal(fetched.ContentHash, fetched.Metadata[MetadataKeys.ContentHash]);
        Assert.Equal("ann", fetched.Metadata["owner"]);
        Assert.Equal(stored.Etag, fetched.Etag);
        Assert.Equal(content, await TestData.ReadAllAsync(Files.OpenRead(fetched)));
    }

    [Fact]
    public async Task Empty_file_round_trips()
    {
        var stored = await PutAsync("/empty", []);
        Assert.Equal(0, stored.Size);
        Assert.Empty(await TestData.ReadAllAsync(Files.OpenRead(stored)));
    }

    [Fact]
    public async Task Read_from_an_offset_and_seek_return_the_right_bytes()
    {
        var content = TestData.Random(300_000, 2);
        var stored = await PutAsync("/r.bin", content);
        Assert.Equal(content[123_457..], await TestData.ReadAllAsync(Files.OpenRead(stored, 123_457)));

        await using var stream = Files.OpenRead(stored);
        stream.Seek(250_000, SeekOrigin.Begin);
        var buffer = new byte[1000];
        var n = stream.Read(buffer, 0, buffer.Length);
        Assert.True(n > 0);
        Assert.Equal(content.AsSpan(250_000, n).ToArray(), buffer[..n]);
    }

    /// <summary>Chunk lists are stored in packed runs of 512 entries; a 2 MB file of ~1 KiB chunks spans several.</summary>
    private const int EntriesPerRun = 512;

    [Fact]
    public async Task A_chunk_list_spanning_several_packed_runs_is_contiguous_and_reads_back_across_run_boundaries()
    {
        var content = TestData.Random(2_000_000, 5);
        var stored = await PutAsync("/long.bin", content);

        var list = await Files.GetChunkListAsync(stored);
        Assert.True(list.Count > 2 * EntriesPerRun, $"expected more than two runs of chunks, got {list.Count} chunks");
        long expected = 0;
        foreach (var chunk in list)
        {
            Assert.Equal(expected, chunk.Offset);
            Assert.Equal(ChunkHash.Compute(content.AsSpan((int)chunk.Offset, chunk.Length)), chunk.Hash);
            expected = chunk.End;
        }
        Assert.Equal(content.Length, expected);

        // Positions just before, at and after where each run starts, read asynchronously and synchronously.
        await using var stream = Files.OpenRead(stored);
        var buffer = new byte[3000];
        for (var run = EntriesPerRun; run < list.Count; run += EntriesPerRun)
        {
            foreach (var position in new[] { list[run].Offset - 1, list[run].Offset, list[run].Offset + 1 })
            {
                stream.Seek(position, SeekOrigin.Begin);
                var n = await stream.ReadAsync(buffer);
                Assert.True(n > 0);
                Assert.Equal(content.AsSpan((int)position, n).ToArray(), buffer[..n]);
                stream.Seek(position, SeekOrigin.Begin);
                n = stream.Read(buffer, 0, buffer.Length);
                Assert.Equal(content.AsSpan((int)position, n).ToArray(), buffer[..n]);
            }
        }
        using var copy = new MemoryStream();
        stream.Seek(0, SeekOrigin.Begin);
        stream.CopyTo(copy);
        Assert.Equal(content, copy.ToArray());
    }

    [Fact]
    public async Task Collection_keeps_every_chunk_a_long_list_names_and_removes_unlisted_ones()
    {
        var content = TestData.Random(2_000_000, 6);
        var stored = await PutAsync("/kept.bin", content);
        var stray = TestData.Random(5_000, 7);
        await Node.Chunks.StoreChunkAsync(ChunkHash.Compute(stray), stray);

        var collected = await Node.Chunks.CollectGarbageAsync(TimeSpan.Zero);

        Assert.Equal(1, collected.Chunks);
        Assert.Null(await Node.Chunks.ReadChunkAsync(ChunkHash.Compute(stray)));
        Assert.Equal(content.Length, (await Node.Chunks.GetStatisticsAsync()).Bytes);
        Assert.Equal(content, await TestData.ReadAllAsync(Files.OpenRead(stored)));
    }

    [Fact]
    public async Task A_version_committed_from_a_chunk_list_reuses_chunks_and_lists_them_in_order()
    {
        var content = TestData.Random(1_500_000, 8);
        var stored = await PutAsync("/base.bin", content);
        var list = await Files.GetChunkListAsync(stored);
        var reversed = new List<ChunkRef>();
        long offset = 0;
        foreach (var chunk in list.Reverse())
        {
            reversed.Add(chunk with { Offset = offset });
            offset += chunk.Length;
        }
        var expected = reversed.SelectMany(c => content.AsSpan((int)list.First(x => x.Hash == c.Hash).Offset, c.Length).ToArray()).ToArray();

        var remoteServer = Guid.NewGuid();
        var copy = await Files.CommitRemoteVersionAsync(Fs, "/reversed.bin", reversed, Convert.ToHexStringLower(Blake3Hash.HashData(expected)),
            TestData.Meta((MetadataKeys.SynchronizationVersion, "7"), (MetadataKeys.SynchronizationSource, remoteServer.ToString()),
                (MetadataKeys.SynchronizationHistory, SynchronizationVersion.FormatHistory([]))));

        Assert.Equal(reversed, await Files.GetChunkListAsync(copy));
        Assert.Equal(expected, await TestData.ReadAllAsync(Files.OpenRead(copy)));
    }

    [Fact]
    public async Task Etags_strictly_increase_across_put_metadata_rename_and_delete()
    {
        var a = await PutAsync("/a", [1, 2, 3]);
        var b = await Files.UpdateMetadataAsync(Fs, "/a", TestData.Meta(("K", "V")));
        var c = await Files.RenameFileAsync(Fs, "/a", "/b");
        Assert.True(await Files.DeleteFileAsync(Fs, "/b"));
        var changes = await Files.ListChangesAsync(Fs, 0);

        Assert.True(a.Etag < b.Etag && b.Etag < c.Etag);
        Assert.Equal(changes.Select(x => x.Etag).Order(), changes.Select(x => x.Etag));
        Assert.True(changes[^1].Etag > c.Etag);
        Assert.Equal("00000000-0000-0001-0000-000000000001", Etags.Format(a.Etag));
    }

    [Fact]
    public async Task Identical_content_is_stored_once()
    {
        var content = TestData.Random(100_000, 3);
        await PutAsync("/one", content);
        var (chunksAfterOne, bytesAfterOne) = await Node.Chunks.GetStatisticsAsync();
        await PutAsync("/two", content);
        var (chunksAfterTwo, bytesAfterTwo) = await Node.Chunks.GetStatisticsAsync();

        Assert.True(chunksAfterOne > 10, $"expected many chunks, got {chunksAfterOne}");
        Assert.Equal(chunksAfterOne, chunksAfterTwo);
        Assert.Equal(100_000, bytesAfterTwo);
        Assert.Equal(bytesAfterOne, bytesAfterTwo);
    }

    [Fact]
    public async Task An_insertion_changes_only_the_chunks_next_to_it()
    {
        var original = TestData.Random(400_000, 4);
        var edited = original[..200_000].Concat(new byte[] { 42 }).Concat(original[200_000..]).ToArray();
        var first = await PutAsync("/f", original);
        var second = await PutAsync("/g", edited);

        var a = await Files.GetChunkListAsync(first);
        var b = await Files.GetChunkListAsync(second);
        var shared = b.Select(c => c.Hash).Intersect(a.Select(c => c.Hash)).Count();
        Assert.True(shared >= b.Count - 3, $"only {shared} of {b.Count} chunks were shared");
        Assert.Equal(edited.Length, b[^1].End);
    }

    [Fact]
    public async Task Delete_leaves_a_tombstone_and_rename_leaves_a_rename_tombstone()
    {
        await PutAsync("/x", [1]);
        await PutAsync("/y", [2]);
        await Files.RenameFileAsync(Fs, "/x", "/x2");
        Assert.True(await Files.DeleteFileAsync(Fs, "/y"));
        Assert.False(await Files.DeleteFileAsync(Fs, "/y"));

        var changes = (await Files.ListChangesAsync(Fs, 0)).ToDictionary(c => c.Name);
        Assert.True(changes["/x"].Deleted);
        Assert.Equal("/x2", changes["/x"].RenamedTo);
        Assert.True(changes["/y"].Deleted);
        Assert.Null(changes["/y"].RenamedTo);
        Assert.False(changes["/x2"].Deleted);
        Assert.Null(await Files.GetFileAsync(Fs, "/y"));
        Assert.Equal(["/x2"], (await Files.ListFilesAsync(Fs, 0, 25)).Select(f => f.Name));
    }

    [Fact]
    public async Task Rename_onto_a_live_file_is_refused()
    {
        await PutAsync("/x", [1]);
        await PutAsync("/y", [2]);
        await Assert.ThrowsAsync<FileAlreadyExistsException>(() => Files.RenameFileAsync(Fs, "/x", "/y"));
    }

    [Fact]
    public async Task Every_put_metadata_update_and_delete_pushes_the_previous_version_onto_the_history()
    {
        var v1 = await PutAsync("/h", [1]);
        var v2 = await PutAsync("/h", [2]);
        var v3 = await Files.UpdateMetadataAsync(Fs, "/h", TestData.Meta(("A", "1")));
        await Files.DeleteFileAsync(Fs, "/h");
        var history = await Files.GetHistoryAsync(Fs, "/h");

        Assert.NotNull(history);
        Assert.Equal(Node.ServerId, history.ServerId);
        var versions = new[] { v1, v2, v3 }.Select(f => SynchronizationVersion.FromMetadata(f.Metadata)!.Version).ToList();
        Assert.Equal(versions, history.History.Select(h => h.Version));
        Assert.True(history.Version > versions[^1]);
        Assert.Equal(Node.ServerId.ToString(), v1.Metadata[MetadataKeys.SynchronizationSource]);
    }

    [Fact]
    public async Task History_keeps_at_most_50_entries()
    {
        for (var i = 0; i < 55; i++) await Files.UpdateMetadataAsync(Fs, (await PutAsync("/many", [(byte)i])).Name, TestData.Meta(("i", $"{i}")));
        var history = await Files.GetHistoryAsync(Fs, "/many");
        Assert.Equal(50, history!.History.Count);
    }

    [Fact]
    public async Task Local_writes_cannot_forge_synchronization_metadata()
    {
        var stored = await PutAsync("/m", [1], TestData.Meta((MetadataKeys.SynchronizationVersion, "999"), ("User", "u")));
        Assert.NotEqual("999", stored.Metadata[MetadataKeys.SynchronizationVersion]);
        Assert.Equal("u", stored.Metadata["User"]);
    }

    [Fact]
    public async Task Unknown_file_system_and_file_give_their_errors()
    {
        await Assert.ThrowsAsync<FileSystemNotFoundException>(() => Files.GetFileAsync("NoSuchFS", "/a"));
        await Assert.ThrowsAsync<StoredFileNotFoundException>(() => Files.UpdateMetadataAsync(Fs, "/missing", TestData.Meta()));
        await Assert.ThrowsAsync<InvalidFileNameException>(() => PutAsync("/a/../../etc/passwd", [1]));
        Assert.False(await Files.CreateFileSystemAsync(Fs));
        Assert.Contains(Fs, await Files.ListFileSystemsAsync());
    }

    [Fact]
    public async Task Configuration_documents_are_kept_per_file_system()
    {
        const string key = "Raven/Synchronization/Destinations";
        await Files.SetConfigAsync(Fs, key, """{"Destinations":[]}""");
        Assert.Equal("""{"Destinations":[]}""", await Files.GetConfigAsync(Fs, key));
        Assert.True(await Files.DeleteConfigAsync(Fs, key));
        Assert.Null(await Files.GetConfigAsync(Fs, key));
    }

    [Fact]
    public async Task A_configured_server_id_is_accepted_when_it_is_the_stored_one_and_refused_otherwise()
    {
        var id = Node.ServerId;
        await RestartAsync(s => s with { ServerId = id });
        Assert.Equal(id, Node.ServerId);

        var other = Guid.NewGuid();
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => RestartAsync(s => s with { ServerId = other }));
        Assert.Contains("cannot change", refused.Message, StringComparison.Ordinal);
        Assert.Contains(id.ToString(), refused.Message, StringComparison.Ordinal);

        // Nothing was changed by the refused start.
        _node = await factory.OpenAsync(_dir, Node.Settings with { ServerId = null });
        Assert.Equal(id, Node.ServerId);
    }

    [Fact]
    public async Task Stats_count_the_live_files_and_their_bytes_not_tombstones()
    {
        Assert.Equal(new FileSystemStats(0, 0), await Files.GetStatsAsync(Fs));
        await PutAsync("/a", TestData.Random(1_000, 11));
        await PutAsync("/b", TestData.Random(2_500, 12));
        await PutAsync("/c", TestData.Random(700, 13));
        await Files.DeleteFileAsync(Fs, "/c");
        await Files.RenameFileAsync(Fs, "/b", "/b2");

        Assert.Equal(new FileSystemStats(2, 3_500), await Files.GetStatsAsync(Fs));
        await Assert.ThrowsAsync<FileSystemNotFoundException>(() => Files.GetStatsAsync("NoSuchFS"));
    }

    [Fact]
    public async Task Server_id_and_files_survive_a_restart()
    {
        var id = Node.ServerId;
        var content = TestData.Random(50_000, 5);
        await PutAsync("/keep", content);
        await RestartAsync();

        Assert.Equal(id, Node.ServerId);
        var fetched = await Files.GetFileAsync(Fs, "/keep");
        Assert.Equal(content, await TestData.ReadAllAsync(Files.OpenRead(fetched!)));
    }

    [Fact]
    public async Task Overwritten_contents_beyond_retention_are_collected()
    {
        for (var i = 0; i < 6; i++) await PutAsync("/gc", TestData.Random(40_000, 100 + i));
        await Files.DeleteFileAsync(Fs, "/gc");
        await PutAsync("/live", TestData.Random(40_000, 200));
        await Node.Chunks.CollectGarbageAsync(TimeSpan.Zero);

        var (_, bytes) = await Node.Chunks.GetStatisticsAsync();
        // Retention keeps the last 3 versions of /gc (its chunk lists back "known base" sync) plus /live.
        Assert.Equal(4 * 40_000, bytes);
    }

    [Fact]
    public async Task Concurrent_uploads_to_different_and_same_files_get_distinct_etags_and_a_defined_final_version()
    {
        var payloads = Enumerable.Range(0, 12).Select(i => TestData.Random(60_000, 300 + i)).ToArray();
        var uploads = payloads.Select((p, i) => PutAsync(i < 6 ? $"/same" : $"/file{i}", p)).ToArray();
        var results = await Task.WhenAll(uploads);

        Assert.Equal(results.Length, results.Select(r => r.Etag).Distinct().Count());
        var winner = results.Take(6).MaxBy(r => r.Etag)!;
        var final = await Files.GetFileAsync(Fs, "/same");
        Assert.Equal(winner.Etag, final!.Etag);
        Assert.Equal(winner.ContentHash, final.ContentHash);
        var index = Array.FindIndex(results, r => r.Etag == winner.Etag);
        Assert.Equal(payloads[index], await TestData.ReadAllAsync(Files.OpenRead(final)));
    }

    [Fact]
    public async Task A_failed_upload_shows_no_partial_file_and_its_chunks_are_collected()
    {
        var original = TestData.Random(30_000, 400);
        await PutAsync("/doc", original);
        var failing = new FailingStream(TestData.Random(3_000_000, 401), failAfter: 2_500_000);

        var error = await Assert.ThrowsAsync<IOException>(() => Files.PutFileAsync(Fs, "/doc", failing, new Dictionary<string, string>()));
        Assert.Contains("connection dropped", error.Message);
        var current = await Files.GetFileAsync(Fs, "/doc");
        Assert.Equal(original, await TestData.ReadAllAsync(Files.OpenRead(current!)));

        var collected = await Node.Chunks.CollectGarbageAsync(TimeSpan.Zero);
        Assert.True(collected.Contents >= 1, "the failed upload's content should be collected");
        Assert.Equal(original.Length, (await Node.Chunks.GetStatisticsAsync()).Bytes);
    }

    [Fact]
    public async Task Synchronization_can_commit_a_remote_version_from_a_chunk_list_without_resending_bytes()
    {
        var content = TestData.Random(120_000, 500);
        var local = await PutAsync("/src", content);
        var chunks = await Files.GetChunkListAsync(local);
        var remoteServer = Guid.NewGuid();
        var metadata = TestData.Meta(
            (MetadataKeys.SynchronizationVersion, "7"),
            (MetadataKeys.SynchronizationSource, remoteServer.ToString()),
            (MetadataKeys.SynchronizationHistory, SynchronizationVersion.FormatHistory([new HistoryItem(3, remoteServer)])),
            ("Color", "blue"));

        Assert.Empty(await Node.Chunks.GetMissingChunksAsync(chunks.Select(c => c.Hash)));
        var copy = await Files.CommitRemoteVersionAsync(Fs, "/copy", chunks, local.ContentHash, metadata);

        Assert.Equal(content, await TestData.ReadAllAsync(Files.OpenRead(copy)));
        var version = SynchronizationVersion.FromMetadata(copy.Metadata)!;
        Assert.Equal(7, version.Version);
        Assert.Equal(remoteServer, version.ServerId);
        Assert.Equal([new HistoryItem(3, remoteServer)], version.History);
        Assert.Equal(local.ContentHash, copy.ContentHash);
    }

    [Fact]
    public async Task Received_chunks_are_verified_and_missing_ones_are_reported()
    {
        var bytes = TestData.Random(5000, 600);
        var hash = ChunkHash.Compute(bytes);
        Assert.Equal([hash], await Node.Chunks.GetMissingChunksAsync([hash]));
        await Assert.ThrowsAsync<InvalidDataException>(() => Node.Chunks.StoreChunkAsync(hash, TestData.Random(5000, 601)));

        await Node.Chunks.StoreChunkAsync(hash, bytes);
        Assert.Empty(await Node.Chunks.GetMissingChunksAsync([hash]));
        Assert.Equal(bytes, await Node.Chunks.ReadChunkAsync(hash));
        var other = ChunkHash.Compute([1, 2, 3]);
        await Assert.ThrowsAsync<Content.MissingChunksException>(() =>
            Files.CommitRemoteVersionAsync(Fs, "/x", [new ChunkRef(other, 0, 3)], "", TestData.Meta()));
    }

    [Fact]
    public async Task Retained_versions_give_the_chunk_list_of_an_earlier_version()
    {
        var first = await PutAsync("/v", TestData.Random(50_000, 700));
        await PutAsync("/v", TestData.Random(50_000, 701));
        var firstVersion = SynchronizationVersion.FromMetadata(first.Metadata)!;

        var earlier = await Files.GetRetainedChunkListAsync(Fs, "/v", new HistoryItem(firstVersion.Version, firstVersion.ServerId));
        Assert.Equal(await Files.GetChunkListAsync(first), earlier);
    }

    /// <summary>Gives <c>failAfter</c> bytes, then fails like a dropped client connection.</summary>
    private sealed class FailingStream(byte[] data, int failAfter) : MemoryStream(data)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Position >= failAfter) throw new IOException("The client connection dropped.");
            return await base.ReadAsync(buffer[..(int)Math.Min(buffer.Length, failAfter - Position)], cancellationToken);
        }
    }
}
