using FileSync.Storage.Files;
using FileSync.Sync.Contracts;
using FileSync.Sync.Incoming;
using FileSync.Sync.Protocol;

namespace FileSync.Sync.Tests.Incoming;

/// <summary>Applying delta streams against a real SQLite destination storage.</summary>
public class DeltaApplyTests
{
    private const string Fs = SyncPair.Fs;

    [Fact]
    public async Task A_new_file_arrives_whole_and_keeps_the_source_version_and_history()
    {
        await using var pair = await SyncPair.OpenAsync();
        var content = SyncPair.RandomBytes(50_000, 1);
        await pair.PutSourceAsync("/books/a.bin", SyncPair.RandomBytes(100, 9));
        var source = await pair.PutSourceAsync("/books/a.bin", content);

        var (result, plan) = await pair.SendAsync("/books/a.bin");

        Assert.Equal(IncomingDecision.Applied, result.Decision);
        Assert.Equal(content, await pair.ReadDestinationAsync("/books/a.bin"));
        var arrived = (await pair.Destination.FileSystems.GetFileAsync(Fs, "/books/a.bin"))!;
        Assert.Equal(source.ContentHash, arrived.ContentHash);
        foreach (var key in new[] { MetadataKeys.SynchronizationVersion, MetadataKeys.SynchronizationSource, MetadataKeys.SynchronizationHistory })
            Assert.Equal(source.Metadata[key], arrived.Metadata[key]);
        Assert.Equal(Etags.Format(arrived.Etag), result.Etag);
        Assert.Equal(content.Length, plan.BytesTransfered);
        var status = pair.Incoming.GetStatus(Fs, "books/a.bin")!;
        Assert.Equal(content.Length, status.BytesTransfered);
        Assert.Equal(0, status.BytesCopied);
        Assert.Null(status.Exception);
    }

    [Fact]
    public async Task A_one_byte_insert_copies_the_base_chunks_and_stores_only_the_new_ones()
    {
        await using var pair = await SyncPair.OpenAsync();
        var original = SyncPair.RandomBytes(200_000, 2);
        await pair.PutSourceAsync("/big.bin", original);
        Assert.Equal(IncomingDecision.Applied, (await pair.SendAsync("/big.bin")).Result.Decision);
        var before = await pair.Destination.Chunks.GetStatisticsAsync();

        var edited = original[..100_000].Append((byte)42).Concat(original[100_000..]).ToArray();
        await pair.PutSourceAsync("/big.bin", edited);
        var (result, plan) = await pair.SendAsync("/big.bin");

        Assert.Equal(IncomingDecision.Applied, result.Decision);
        Assert.Contains(plan.Steps, s => s is CopyStep);
        Assert.Equal(edited, await pair.ReadDestinationAsync("/big.bin"));
        var after = await pair.Destination.Chunks.GetStatisticsAsync();
        Assert.True(after.Bytes - before.Bytes < 3 * 8192, $"stored {after.Bytes - before.Bytes} new bytes for a 1-byte insert");
        var status = pair.Incoming.GetStatus(Fs, "/big.bin")!;
        Assert.Equal(edited.Length, status.BytesCopied + status.BytesTransfered);
        Assert.True(status.BytesCopied > edited.Length * 9 / 10);
    }

    [Fact]
    public async Task References_name_chunks_the_destination_holds_from_another_file()
    {
        await using var pair = await SyncPair.OpenAsync();
        var content = SyncPair.RandomBytes(40_000, 3);
        await pair.PutDestinationAsync("/elsewhere.bin", content);
        await pair.PutSourceAsync("/copy.bin", content);

        var (result, plan) = await pair.SendAsync("/copy.bin");

        Assert.Equal(IncomingDecision.Applied, result.Decision);
        Assert.Equal(0, plan.BytesTransfered);
        Assert.All(plan.Steps, s => Assert.IsType<ReferenceStep>(s));
        Assert.Equal(content, await pair.ReadDestinationAsync("/copy.bin"));
    }

    [Fact]
    public async Task Chunks_cut_with_other_chunk_sizes_than_the_destination_uses_are_still_stored_exactly()
    {
        await using var pair = await SyncPair.OpenAsync(dir => new Storage.StorageSettings(dir));
        var content = SyncPair.RandomBytes(120_000, 7);
        await pair.PutSourceAsync("/a.bin", content);

        var (result, plan) = await pair.SendAsync("/a.bin");

        Assert.Equal(IncomingDecision.Applied, result.Decision);
        Assert.True(plan.Steps.Count > 20);
        Assert.Equal(content, await pair.ReadDestinationAsync("/a.bin"));
        var arrived = (await pair.Destination.FileSystems.GetFileAsync(Fs, "/a.bin"))!;
        Assert.Equal(plan.Steps.Count, (await pair.Destination.Store.GetChunkListAsync(arrived)).Count);
    }

    [Fact]
    public async Task A_truncated_stream_commits_nothing_for_the_file_in_progress()
    {
        await using var pair = await SyncPair.OpenAsync();
        await pair.PutSourceAsync("/a.bin", SyncPair.RandomBytes(30_000, 4));
        var (stream, _) = await pair.BuildDeltaAsync("/a.bin");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() =>
            pair.Incoming.ApplyContentAsync(Fs, pair.SourceInfo, new MemoryStream(stream[..^100])));

        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
        Assert.Null(await pair.Destination.FileSystems.GetFileAsync(Fs, "/a.bin"));
        Assert.False(pair.Incoming.Locks.IsLocked(Fs, "/a.bin"));
    }

    [Fact]
    public async Task A_wrong_content_hash_commits_nothing()
    {
        await using var pair = await SyncPair.OpenAsync();
        await pair.PutSourceAsync("/a.bin", SyncPair.RandomBytes(30_000, 5));
        var (stream, _) = await pair.BuildDeltaAsync("/a.bin", h => h with { ContentHash = new string('0', 64) });

        var error = await Assert.ThrowsAsync<InvalidDataException>(() =>
            pair.Incoming.ApplyContentAsync(Fs, pair.SourceInfo, new MemoryStream(stream)));

        Assert.Contains("content hashes to", error.Message, StringComparison.Ordinal);
        Assert.Null(await pair.Destination.FileSystems.GetFileAsync(Fs, "/a.bin"));
    }

    [Fact]
    public async Task A_chunk_whose_bytes_do_not_match_its_hash_commits_nothing()
    {
        await using var pair = await SyncPair.OpenAsync();
        var file = await pair.PutSourceAsync("/a.bin", SyncPair.Text("hello"));
        using var body = new MemoryStream();
        var writer = new DeltaWriter(body);
        await writer.BeginFileAsync(new DeltaFileHeader("/a.bin", Etags.Format(file.Etag), 5, file.ContentHash, file.Metadata, null));
        await writer.ChunkAsync(Storage.Chunking.ChunkHash.Compute(SyncPair.Text("hellO")), SyncPair.Text("hello"));
        await writer.EndFileAsync();
        await writer.CompleteAsync();

        var error = await Assert.ThrowsAsync<InvalidDataException>(() =>
            pair.Incoming.ApplyContentAsync(Fs, pair.SourceInfo, new MemoryStream(body.ToArray())));

        Assert.StartsWith("File /a.bin: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("not to the announced", error.Message, StringComparison.Ordinal);
        Assert.Null(await pair.Destination.FileSystems.GetFileAsync(Fs, "/a.bin"));
    }

    [Fact]
    public async Task A_wrong_size_commits_nothing()
    {
        await using var pair = await SyncPair.OpenAsync();
        await pair.PutSourceAsync("/a.bin", SyncPair.RandomBytes(30_000, 6));
        var (stream, _) = await pair.BuildDeltaAsync("/a.bin", h => h with { Size = h.Size + 1 });

        var error = await Assert.ThrowsAsync<InvalidDataException>(() =>
            pair.Incoming.ApplyContentAsync(Fs, pair.SourceInfo, new MemoryStream(stream)));

        Assert.Contains("add up to", error.Message, StringComparison.Ordinal);
        Assert.Null(await pair.Destination.FileSystems.GetFileAsync(Fs, "/a.bin"));
    }

    [Fact]
    public async Task Metadata_without_a_synchronization_version_is_refused_with_a_sentence()
    {
        await using var pair = await SyncPair.OpenAsync();
        var data = SyncPair.Text("hello");
        using var body = new MemoryStream();
        var writer = new DeltaWriter(body);
        await writer.BeginFileAsync(new DeltaFileHeader("/a.bin", "00000000-0000-0001-0000-000000000001", data.Length,
            Convert.ToHexStringLower(FileSync.Storage.Chunking.Blake3.Blake3Hash.HashData(data)), new Dictionary<string, string>(), null));
        await writer.ChunkAsync(Storage.Chunking.ChunkHash.Compute(data), data);
        await writer.EndFileAsync();
        await writer.CompleteAsync();
        var stream = body.ToArray();

        var error = await Assert.ThrowsAsync<InvalidDataException>(() =>
            pair.Incoming.ApplyContentAsync(Fs, pair.SourceInfo, new MemoryStream(stream)));

        Assert.Contains(MetadataKeys.SynchronizationVersion, error.Message, StringComparison.Ordinal);
        Assert.Null(await pair.Destination.FileSystems.GetFileAsync(Fs, "/a.bin"));
    }

    [Fact]
    public async Task An_empty_file_arrives()
    {
        await using var pair = await SyncPair.OpenAsync();
        await pair.PutSourceAsync("/empty.txt", []);
        Assert.Equal(IncomingDecision.Applied, (await pair.SendAsync("/empty.txt")).Result.Decision);
        Assert.Empty((await pair.ReadDestinationAsync("/empty.txt"))!);
    }

    [Fact]
    public async Task The_same_version_again_is_already_had_and_an_older_one_was_had_in_the_past()
    {
        await using var pair = await SyncPair.OpenAsync();
        var first = await pair.PutSourceAsync("/a.txt", SyncPair.Text("one"));
        await pair.SendAsync("/a.txt");
        Assert.Equal(IncomingDecision.AlreadyHas, (await pair.SendAsync("/a.txt")).Result.Decision);

        await pair.PutSourceAsync("/a.txt", SyncPair.Text("two"));
        await pair.SendAsync("/a.txt");
        var check = await pair.Incoming.CheckAsync(Fs, pair.SourceInfo,
            new IncomingCheckRequest([new IncomingCheckFile("/a.txt", SynchronizationType.ContentUpdate, first.Metadata)]));
        Assert.Equal(IncomingDecision.HadInPast, check.Files[0].Decision);
        Assert.Equal(IncomingMessages.HadInPast, check.Files[0].Message);
    }

    [Fact]
    public async Task A_file_locked_by_another_source_answers_locked_and_commits_nothing()
    {
        await using var pair = await SyncPair.OpenAsync();
        await pair.PutSourceAsync("/a.txt", SyncPair.Text("hello"));
        using var held = pair.Incoming.Locks.TryAcquire(Fs, "/a.txt", "http://someone-else", TimeSpan.FromMinutes(1));

        var (result, _) = await pair.SendAsync("/a.txt");

        Assert.Equal(IncomingDecision.Locked, result.Decision);
        Assert.Null(await pair.Destination.FileSystems.GetFileAsync(Fs, "/a.txt"));
        Assert.Equal("/a.txt", Assert.Single(pair.Incoming.ListIncoming(Fs, 0, 10).Items).FileName);
    }

    [Fact]
    public async Task Concurrent_edits_conflict_and_the_destination_keeps_its_content()
    {
        await using var pair = await SyncPair.OpenAsync();
        await pair.PutSourceAsync("/a.txt", SyncPair.Text("original"));
        await pair.SendAsync("/a.txt");
        await pair.PutDestinationAsync("/a.txt", SyncPair.Text("edited on the destination"));
        var theirs = await pair.PutSourceAsync("/a.txt", SyncPair.Text("edited on the source"));

        var (result, _) = await pair.SendAsync("/a.txt");

        Assert.Equal(IncomingDecision.Conflict, result.Decision);
        Assert.Equal("File /a.txt is conflicted", result.Message);
        Assert.Equal(SyncPair.Text("edited on the destination"), await pair.ReadDestinationAsync("/a.txt"));
        var marked = (await pair.Destination.FileSystems.GetFileAsync(Fs, "/a.txt"))!;
        Assert.Equal("true", marked.Metadata[MetadataKeys.SynchronizationConflict]);
        var conflict = Assert.Single((await pair.Incoming.ListConflictsAsync(Fs, 0, 10)).Items);
        Assert.Equal("/a.txt", conflict.FileName);
        Assert.Equal(pair.SourceInfo.ServerUrl, conflict.RemoteServerUrl);
        Assert.Equal(SynchronizationVersion.FromMetadata(theirs.Metadata)!.Version, conflict.RemoteHistory[^1].Version);
        Assert.Equal(pair.Destination.ServerId, conflict.CurrentHistory[^1].ServerId);
        Assert.False(conflict.ResolveUsingRemote);
    }

    [Fact]
    public async Task Many_small_files_travel_in_one_stream()
    {
        await using var pair = await SyncPair.OpenAsync();
        var names = Enumerable.Range(0, 20).Select(i => $"/small/{i}.txt").ToList();
        foreach (var name in names) await pair.PutSourceAsync(name, SyncPair.Text("content of " + name));

        var stream = await pair.BuildDeltaAsync(names);
        var answer = await pair.Incoming.ApplyContentAsync(Fs, pair.SourceInfo, new MemoryStream(stream));

        Assert.Equal(names, answer.Files.Select(f => f.FileName));
        Assert.All(answer.Files, f => Assert.Equal(IncomingDecision.Applied, f.Decision));
        foreach (var name in names) Assert.Equal(SyncPair.Text("content of " + name), await pair.ReadDestinationAsync(name));
    }

    [Fact]
    public async Task Last_synchronization_remembers_the_highest_source_etag_per_source()
    {
        await using var pair = await SyncPair.OpenAsync();
        var unknown = await pair.Incoming.GetLastSynchronizationAsync(Fs, Guid.NewGuid());
        Assert.Equal(new LastSynchronizationInfo("00000000-0000-0000-0000-000000000000", null, pair.Destination.ServerId), unknown);

        await pair.PutSourceAsync("/a.txt", SyncPair.Text("a"));
        var b = await pair.PutSourceAsync("/b.txt", SyncPair.Text("b"));
        await pair.SendAsync("/b.txt");
        await pair.SendAsync("/a.txt");

        var known = await pair.Incoming.GetLastSynchronizationAsync(Fs, pair.Source.ServerId);
        Assert.Equal(new LastSynchronizationInfo(Etags.Format(b.Etag), pair.SourceInfo.ServerUrl, pair.Destination.ServerId), known);
    }
}
