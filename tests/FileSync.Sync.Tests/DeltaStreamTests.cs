using FileSync.Storage.Chunking;
using FileSync.Sync.Protocol;

namespace FileSync.Sync.Tests;

public class DeltaStreamTests
{
    private static readonly DeltaFileHeader Header = new(
        "/books/a.pdf", "00000000-0000-0001-0000-000000000004", 10, "ab",
        new Dictionary<string, string> { ["Raven-Synchronization-Version"] = "3" }, new BaseVersion(2, Guid.NewGuid()));

    [Fact]
    public async Task Frames_round_trip_in_order_across_two_files()
    {
        var data = "hello"u8.ToArray();
        var hash = ChunkHash.Compute(data);
        using var stream = new MemoryStream();
        var writer = new DeltaWriter(stream);
        await writer.BeginFileAsync(Header);
        await writer.CopyRunAsync(3, 7);
        await writer.ChunkAsync(hash, data);
        await writer.ReferenceAsync(hash, data.Length);
        await writer.EndFileAsync();
        await writer.BeginFileAsync(Header with { FileName = "/b" });
        await writer.EndFileAsync();
        await writer.CompleteAsync();

        stream.Position = 0;
        var reader = new DeltaReader(stream);
        var start = Assert.IsType<FileStart>(await reader.ReadAsync());
        Assert.Equal(Header.FileName, start.Header.FileName);
        Assert.Equal(Header.Base, start.Header.Base);
        Assert.Equal("3", start.Header.Metadata["Raven-Synchronization-Version"]);
        Assert.Equal(new CopyRun(3, 7), await reader.ReadAsync());
        var bytes = Assert.IsType<ChunkBytes>(await reader.ReadAsync());
        Assert.Equal(hash, bytes.Hash);
        Assert.Equal(data, bytes.Data.ToArray());
        Assert.Equal(new ChunkReference(hash, 5), await reader.ReadAsync());
        Assert.IsType<FileEnd>(await reader.ReadAsync());
        Assert.Equal("/b", Assert.IsType<FileStart>(await reader.ReadAsync()).Header.FileName);
        Assert.IsType<FileEnd>(await reader.ReadAsync());
        Assert.Null(await reader.ReadAsync());
    }

    [Fact]
    public async Task A_stream_cut_short_is_reported_as_truncated_never_as_complete()
    {
        using var stream = new MemoryStream();
        var writer = new DeltaWriter(stream);
        await writer.BeginFileAsync(Header);
        await writer.ChunkAsync(ChunkHash.Compute("abc"u8), "abc"u8.ToArray());
        var cut = new MemoryStream(stream.ToArray()[..^2]);
        var reader = new DeltaReader(cut);
        Assert.IsType<FileStart>(await reader.ReadAsync());
        var error = await Assert.ThrowsAsync<InvalidDataException>(async () => await reader.ReadAsync());
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_without_its_end_mark_is_an_error()
    {
        using var stream = new MemoryStream();
        var writer = new DeltaWriter(stream);
        await writer.BeginFileAsync(Header);
        await writer.EndFileAsync();
        stream.Position = 0;
        var reader = new DeltaReader(stream);
        await reader.ReadAsync();
        await reader.ReadAsync();
        await Assert.ThrowsAsync<InvalidDataException>(async () => await reader.ReadAsync());
    }

    [Theory]
    [InlineData(new byte[] { (byte)'X', (byte)'X', (byte)'X', (byte)'X' }, "FSD1")]
    [InlineData(new byte[] { (byte)'F', (byte)'S', (byte)'D', (byte)'1', (byte)'Q' }, "Unknown frame tag")]
    [InlineData(new byte[] { (byte)'F', (byte)'S', (byte)'D', (byte)'1', (byte)'C', 0, 0, 0, 0, 1, 0, 0, 0 }, "outside a file")]
    public async Task Malformed_streams_fail_with_a_sentence(byte[] body, string expected)
    {
        var reader = new DeltaReader(new MemoryStream(body));
        var error = await Assert.ThrowsAsync<InvalidDataException>(async () => await reader.ReadAsync());
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hash_lists_round_trip_and_reject_ragged_bodies()
    {
        var hashes = new[] { ChunkHash.Compute("a"u8), ChunkHash.Compute("b"u8) };
        var decoded = await HashListCodec.DecodeAsync(new MemoryStream(HashListCodec.Encode(hashes)));
        Assert.Equal(hashes, decoded);
        await Assert.ThrowsAsync<InvalidDataException>(() => HashListCodec.DecodeAsync(new MemoryStream(new byte[33])));
    }
}
