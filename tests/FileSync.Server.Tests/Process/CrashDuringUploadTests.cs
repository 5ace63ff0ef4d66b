using System.Net;
using System.Security.Cryptography;
using FileSync.Server.Tests.Support;
using FileSync.TestSupport;

namespace FileSync.Server.Tests.Process;

/// <summary>
/// SIGKILL the node while a large PUT streams into it, restart it on the same data directory, and
/// check that the previous version is intact byte for byte and no partial file is visible.
/// </summary>
[Collection(RealProcessCollection.Name)]
public sealed class CrashDuringUploadTests
{
    private const int PreviousSize = 3 * 1024 * 1024;
    private const long NewSize = 512L * 1024 * 1024;

    public static TheoryData<int> Runs => new() { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task Killing_the_node_mid_upload_keeps_the_previous_version_and_shows_no_partial_file(int run)
    {
        using var folder = new TempDirectory("filesync-crash");
        var previous = Content.Bytes(PreviousSize, run);
        string previousEtag;
        await using (var node = await NodeProcess.StartAsync(folder.Path))
        {
            using var http = new HttpClient { BaseAddress = new Uri(node.BaseUrl + "/"), Timeout = TimeSpan.FromSeconds(60) };
            (await http.PutAsync("admin/fs/CrashFS", null)).EnsureSuccessStatusCode();
            using (var put = await http.PutAsync("fs/CrashFS/files/big.bin", new ByteArrayContent(previous)))
            {
                Assert.Equal(HttpStatusCode.Created, put.StatusCode);
                previousEtag = put.Headers.ETag!.Tag;
            }

            // Kill at a different depth each run, 4 to 40 MiB in: across several 4 MiB chunking
            // batches and their writes, never near the end of the 512 MiB upload.
            var killAfter = run * 4L * 1024 * 1024;
            var killed = new TaskCompletionSource();
            var source = new GeneratedStream(NewSize, (ulong)run) { Progress = sent => { if (sent >= killAfter) killed.TrySetResult(); } };
            using var content = new StreamContent(source, 64 * 1024);
            content.Headers.ContentLength = NewSize;
            var upload = http.PutAsync("fs/CrashFS/files/big.bin", content);
            await Task.WhenAny(killed.Task, upload).WaitAsync(TimeSpan.FromSeconds(40));
            node.KillHard();
            await node.Process.WaitForExitAsync(TimeSpan.FromSeconds(10));
            var outcome = await Record.ExceptionAsync(async () =>
            {
                using var answer = await upload;
                Assert.NotEqual(HttpStatusCode.Created, answer.StatusCode);
            });
            Assert.True(outcome is not null and not Xunit.Sdk.XunitException, $"the upload must fail with the kill, not {outcome}");
        }

        await using (var restarted = await NodeProcess.StartAsync(folder.Path))
        {
            using var http = new HttpClient { BaseAddress = new Uri(restarted.BaseUrl + "/") };
            using var get = await http.GetAsync("fs/CrashFS/files/big.bin");
            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
            Assert.Equal(previousEtag, get.Headers.ETag!.Tag);
            var body = await get.Content.ReadAsByteArrayAsync();
            Assert.Equal(PreviousSize, body.Length);
            Assert.Equal(SHA256.HashData(previous), SHA256.HashData(body));

            var listing = await http.GetFromJsonAsync<System.Text.Json.JsonElement>("fs/CrashFS/files?pageSize=100");
            var only = Assert.Single(listing.EnumerateArray());
            Assert.Equal(PreviousSize, only.GetProperty("TotalSize").GetInt64());

            // The restarted node still takes new versions of the same file.
            var next = Content.Bytes(1000, run + 100);
            using var put = await http.PutAsync("fs/CrashFS/files/big.bin", new ByteArrayContent(next));
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
            Assert.Equal(next, await http.GetByteArrayAsync("fs/CrashFS/files/big.bin"));
        }
    }
}
