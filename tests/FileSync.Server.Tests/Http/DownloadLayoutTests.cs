using System.Net;
using System.Net.Http.Headers;
using FileSync.Server.Tests.Support;

namespace FileSync.Server.Tests.Http;

/// <summary>
/// Downloads read chunk bytes straight from pack files, joining chunks that lie back to back in one pack into one
/// read. These files are laid out so that joining would go wrong if it ignored where a chunk really is: chunks
/// repeated inside a file, chunks shared with an older file, and files longer than one 512-entry run of the chunk list.
/// </summary>
public sealed class DownloadLayoutTests : IAsyncLifetime
{
    private InProcessNode _node = null!;
    private HttpClient Http => _node.Http;

    public async Task InitializeAsync()
    {
        _node = await InProcessNode.StartAsync();
        await _node.CreateFileSystemAsync("Layouts");
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    private async Task PutAsync(string name, byte[] content)
    {
        using var put = await Http.PutAsync($"fs/Layouts/files/{name}", new ByteArrayContent(content));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
    }

    private async Task<byte[]> GetRangeAsync(string name, long from, long to)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"fs/Layouts/files/{name}");
        request.Headers.Range = new RangeHeaderValue(from, to);
        using var answer = await Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, answer.StatusCode);
        return await answer.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task A_file_of_several_chunk_list_runs_comes_back_whole_and_in_ranges_across_run_boundaries()
    {
        // ~8 KiB average chunks: 9 MiB is well over 512 chunks, so reads cross from one run (and one location batch) to the next.
        var content = Content.Bytes(9 * 1024 * 1024, seed: 7);
        await PutAsync("big.bin", content);

        Assert.Equal(content, await Http.GetByteArrayAsync("fs/Layouts/files/big.bin"));
        foreach (var (from, to) in new (long, long)[] { (0, 0), (1, 5_000_000), (4_000_000, 4_400_000), (8_000_000, content.Length - 1), (content.Length - 1, content.Length - 1) })
            Assert.Equal(content[(int)from..(int)(to + 1)], await GetRangeAsync("big.bin", from, to));
    }

    [Fact]
    public async Task A_file_that_repeats_its_own_chunks_reads_each_repeat_from_where_it_is_stored()
    {
        // A 200 KiB random block four times, with distinct separators: later repeats reuse the first copy's chunks,
        // so consecutive chunks of the file point backwards in the pack, not at the bytes after them.
        var block = Content.Bytes(200 * 1024, seed: 11);
        var content = new List<byte>();
        for (var i = 0; i < 4; i++)
        {
            content.AddRange(Content.Bytes(30_000, seed: 100 + i));
            content.AddRange(block);
        }
        var bytes = content.ToArray();
        await PutAsync("repeats.bin", bytes);

        Assert.Equal(bytes, await Http.GetByteArrayAsync("fs/Layouts/files/repeats.bin"));
        Assert.Equal(bytes[200_000..700_001], await GetRangeAsync("repeats.bin", 200_000, 700_000));
    }

    [Fact]
    public async Task A_file_sharing_chunks_with_an_older_file_mixes_both_uploads_pack_bytes_correctly()
    {
        var older = Content.Bytes(2 * 1024 * 1024, seed: 21);
        await PutAsync("older.bin", older);
        // The newer file: fresh bytes, then the older file's middle (its chunks reused), then fresh bytes again.
        var newer = Content.Bytes(700_000, seed: 22).Concat(older[500_000..1_500_000]).Concat(Content.Bytes(700_000, seed: 23)).ToArray();
        await PutAsync("newer.bin", newer);

        Assert.Equal(newer, await Http.GetByteArrayAsync("fs/Layouts/files/newer.bin"));
        Assert.Equal(newer[600_000..1_800_001], await GetRangeAsync("newer.bin", 600_000, 1_800_000));
        Assert.Equal(older, await Http.GetByteArrayAsync("fs/Layouts/files/older.bin"));
    }
}
