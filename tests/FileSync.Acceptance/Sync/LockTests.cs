using FileSync.Acceptance.Support;
using FileSync.Client;

namespace FileSync.Acceptance.Sync;

/// <summary>A file being received is locked: a local write to it on the destination gets HTTP 420.</summary>
[Collection(PairCollection.Name)]
public sealed class LockTests(PairFixture pair)
{
    [Fact]
    public async Task A_local_write_to_a_file_being_received_gets_420()
    {
        var a = pair.OnA("Manual");
        var b = pair.OnB("Manual");
        // The transfer must last long enough to be seen in B's Incoming list; a new version is tried if it was too quick.
        for (var attempt = 0; attempt < 4; attempt++)
        {
            await a.UploadAsync("/lock/big.bin", FileBytes.Random(48 << 20, seed: 60 + attempt));
            var sync = a.Synchronization.StartAsync("/lock/big.bin", pair.BAs("Manual"));
            var seen = false;
            while (!sync.IsCompleted)
            {
                var incoming = await b.Synchronization.GetIncomingAsync(0, 100);
                if (incoming.Items.Any(i => i.FileName == "/lock/big.bin"))
                {
                    seen = true;
                    break;
                }
            }
            if (seen)
            {
                var error = await Assert.ThrowsAsync<FileSyncLockedException>(() => b.UploadAsync("/lock/big.bin", [1, 2, 3]));
                Assert.Equal(420, (int)error.StatusCode);
                Assert.False(string.IsNullOrWhiteSpace(error.ProblemDetails.Detail));
                Assert.Null((await sync).Exception);
                return;
            }
            await sync;
        }
        Assert.Fail("The 48 MiB transfer never showed in B's Incoming list in four attempts.");
    }
}
