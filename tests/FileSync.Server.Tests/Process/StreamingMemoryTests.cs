using System.Net;
using FileSync.Server.Tests.Support;
using FileSync.TestSupport;

namespace FileSync.Server.Tests.Process;

/// <summary>A 1 GiB PUT then GET through a real node process, which must stay under 200 MB resident at its peak.</summary>
[Collection(RealProcessCollection.Name)]
public sealed class StreamingMemoryTests
{
    private const long Size = 1024L * 1024 * 1024;
    private const long PeakLimit = 200L * 1024 * 1024;

    // Bounded, with room for a Debug build on a busy 2-core machine: the figure that matters here is memory, not speed.
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task A_1_GiB_upload_and_download_stream_without_holding_the_file_in_memory()
    {
        try
        {
            await UploadAndDownloadAsync();
        }
        catch (Exception e) when (e is OperationCanceledException || e.InnerException is OperationCanceledException)
        {
            Assert.Fail($"1 GiB up and down did not finish within the test's {Budget.TotalSeconds:0} s budget (the node or the machine is too slow right now): {e.Message}");
        }
    }

    private static async Task UploadAndDownloadAsync()
    {
        using var folder = new TempDirectory("filesync-stream");
        await using var node = await NodeProcess.StartAsync(folder.Path);
        // Bounded: a node that cannot move 1 GiB each way within the budget fails the test rather than hanging it.
        using var budget = new CancellationTokenSource(Budget);
        using var http = new HttpClient { BaseAddress = new Uri(node.BaseUrl + "/"), Timeout = Timeout.InfiniteTimeSpan };
        (await http.PutAsync("admin/fs/BigFS", null)).EnsureSuccessStatusCode();

        using var content = new StreamContent(new GeneratedStream(Size, 42), 128 * 1024);
        content.Headers.ContentLength = Size;
        using (var put = await http.PutAsync("fs/BigFS/files/huge.bin", content, budget.Token))
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);

        // Compare against the same generator rather than hashing: the test process leaves the CPU to the node.
        var expected = new GeneratedStream(Size, 42);
        long total = 0;
        using (var get = await http.GetAsync("fs/BigFS/files/huge.bin", HttpCompletionOption.ResponseHeadersRead, budget.Token))
        {
            Assert.Equal(Size, get.Content.Headers.ContentLength);
            await using var stream = await get.Content.ReadAsStreamAsync(budget.Token);
            var buffer = new byte[128 * 1024];
            var want = new byte[buffer.Length];
            int read;
            while ((read = await stream.ReadAsync(buffer, budget.Token)) > 0)
            {
                expected.ReadExactly(want, 0, read);
                if (!buffer.AsSpan(0, read).SequenceEqual(want.AsSpan(0, read)))
                    Assert.Fail($"The downloaded content differs from the uploaded content within bytes {total}..{total + read}.");
                total += read;
            }
        }
        Assert.Equal(Size, total);

        var peak = node.PeakResidentBytes();
        Assert.True(peak < PeakLimit, $"the node's peak RSS was {peak / (1024 * 1024)} MiB; the limit is {PeakLimit / (1024 * 1024)} MiB");
    }
}
