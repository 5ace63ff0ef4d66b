using FileSync.Acceptance.Support;
using FileSync.Client;

namespace FileSync.Acceptance.Sync;

/// <summary><c>MaxNumberOfSynchronizationsPerDestination</c> holds for manual triggers and background passes together.</summary>
[Collection(PairCollection.Name)]
public sealed class ConcurrencyLimitTests(PairFixture pair)
{
    [Fact]
    public async Task With_a_limit_of_one_two_files_give_one_report_and_one_pending()
    {
        var a = pair.OnA("Limited");
        // Above the 64 KiB small-file limit: smaller files would travel together as one batch, which takes one slot.
        await a.UploadAsync("/limit/one.bin", FileBytes.Random(100_000, seed: 40));
        await a.UploadAsync("/limit/two.bin", FileBytes.Random(100_000, seed: 41));
        // The destination was disabled while the files were written; the pass their change triggers (200 ms later)
        // must find it still disabled, or it would drain the queue before the call under test.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await a.Synchronization.SetDestinationsAsync([pair.BAs("Limited")]);

        var results = await a.Synchronization.StartAsync(forceSyncingAll: false);

        var result = Assert.Single(results);
        Assert.Null(result.Exception);
        Assert.Equal(pair.B.Url, result.DestinationServer.TrimEnd('/'));
        Assert.Equal("Limited", result.DestinationFileSystem);
        var report = Assert.Single(result.Reports ?? []);
        Assert.Null(report.Exception);
        Assert.Equal("/limit/one.bin", report.FileName);
        var pending = await a.Synchronization.GetPendingAsync(0, 10);
        Assert.Equal(1, pending.TotalCount);
        Assert.Equal("/limit/two.bin", Assert.Single(pending.Items).FileName);
    }

    [Fact]
    public async Task The_limit_is_never_exceeded_under_a_thousand_concurrent_triggers_and_background_passes()
    {
        var a = pair.OnA("Storm");
        var b = pair.OnB("Storm");
        var files = Enumerable.Range(0, 30).Select(i => ($"/storm/f{i:D2}.bin", FileBytes.Random(200_000, seed: 100 + i))).ToList();
        foreach (var (name, content) in files.Take(20)) await a.UploadAsync(name, content);

        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(() => SampleMaximaAsync(a, b, sampling.Token));
        using (var http = new HttpClient { BaseAddress = new Uri(pair.A.Url), Timeout = TimeSpan.FromSeconds(50) })
        {
            var random = new Random(5);
            var triggers = Enumerable.Range(0, 1000)
                .Select(_ => http.PostAsync($"fs/Storm/synchronization/ToDestinations?forceSyncingAll={(random.Next(2) == 0 ? "true" : "false")}",
                    new StringContent("")))
                .ToList();
            // Local changes during the storm start background passes too.
            foreach (var (name, content) in files.Skip(20)) await a.UploadAsync(name, content);
            var responses = await Task.WhenAll(triggers);
            Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode, $"trigger answered {(int)r.StatusCode}"));
            foreach (var r in responses) r.Dispose();
        }
        await Eventually.TrueAsync("every storm file on B", async () =>
        {
            await a.Synchronization.StartAsync(forceSyncingAll: true);
            foreach (var (name, content) in files)
            {
                if (await b.TryDownloadAsync(name) is not { } got || FileBytes.Hash(got) != FileBytes.Hash(content)) return false;
            }
            return true;
        }, TimeSpan.FromSeconds(40));
        await sampling.CancelAsync();
        var (maxActive, maxIncoming) = await sampler;

        Assert.InRange(maxActive, 0, PairFixture.StormLimit);
        Assert.InRange(maxIncoming, 0, PairFixture.StormLimit);
    }

    /// <summary>Polls A's Active list and B's Incoming list as fast as they answer; returns the largest counts seen.</summary>
    private static async Task<(long Active, long Incoming)> SampleMaximaAsync(AsyncFilesCommands a, AsyncFilesCommands b, CancellationToken ct)
    {
        long maxActive = 0, maxIncoming = 0;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var active = a.Synchronization.GetActiveAsync(0, 100, ct);
                var incoming = b.Synchronization.GetIncomingAsync(0, 100, ct);
                maxActive = Math.Max(maxActive, (await active).TotalCount);
                maxIncoming = Math.Max(maxIncoming, (await incoming).TotalCount);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        return (maxActive, maxIncoming);
    }
}
