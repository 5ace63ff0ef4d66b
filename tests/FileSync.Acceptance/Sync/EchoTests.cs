using FileSync.Acceptance.Support;
using FileSync.Client;

namespace FileSync.Acceptance.Sync;

/// <summary>With A → B and B → A both configured, a file that came from A is not sent back to A.</summary>
[Collection(PairCollection.Name)]
public sealed class EchoTests(PairFixture pair)
{
    [Fact]
    public async Task A_file_received_from_the_origin_is_not_sent_back_to_it()
    {
        var a = pair.OnA("Echo");
        var b = pair.OnB("Echo");
        var content = FileBytes.Random(60_000, seed: 50);
        var etagOnA = await a.UploadAsync("/echo/ball.bin", content);

        // The background pass after the upload carries it to B.
        await Eventually.TrueAsync("the file on B", async () =>
            await b.TryDownloadAsync("/echo/ball.bin") is { } got && FileBytes.Hash(got) == FileBytes.Hash(content));

        var fromB = await b.Synchronization.StartAsync(forceSyncingAll: false);

        var toA = Assert.Single(fromB);
        Assert.DoesNotContain(toA.Reports ?? [], r => r.FileName == "/echo/ball.bin" && r.BytesTransfered > 0);
        Assert.Equal(etagOnA, await a.EtagOfAsync("/echo/ball.bin"));
        Assert.Null(await a.Synchronization.GetStatusAsync("/echo/ball.bin"));
    }
}
