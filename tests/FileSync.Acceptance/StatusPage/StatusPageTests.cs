using FileSync.Acceptance.Support;
using FileSync.Client;
using OpenQA.Selenium;

namespace FileSync.Acceptance.StatusPage;

/// <summary>The status page at <c>/</c> driven in headless Chromium against real node processes.</summary>
public sealed class StatusPageTests(StatusPageFixture nodes) : IClassFixture<StatusPageFixture>
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    [ChromiumFact]
    public async Task Triggering_a_synchronizer_shows_it_reach_completed_and_the_page_can_be_captured()
    {
        var content = FileBytes.Random(30_000, seed: 70);
        await nodes.OnA(StatusPageFixture.Linked).UploadAsync("/status-page/pushed.bin", content);
        using var browser = StatusPageBrowser.Open(nodes.A.Url + "/");

        var linked = browser.WaitFor("the Linked file system row", $"#file-systems tr[data-fs='{StatusPageFixture.Linked}']");
        browser.WaitFor("the Pages file system row", $"#file-systems tr[data-fs='{StatusPageFixture.Pages}']");
        Assert.Contains("1", browser.Until("Linked's file count", _ => linked.FindElements(By.CssSelector("td.num")).FirstOrDefault()?.Text), StringComparison.Ordinal);

        browser.Click("an enabled Trigger button", "#trigger-sync");
        var row = browser.WaitFor("the triggered synchronizer's row", "#synchronizers tr[data-triggered-here='true']");
        var id = row.GetAttribute("data-synchronizer-id");
        var finalState = browser.Until($"synchronizer {id} to end", d =>
        {
            var state = d.FindElement(By.CssSelector($"#synchronizers tr[data-synchronizer-id='{id}']")).GetAttribute("data-state");
            return state is "completed" or "error" ? state : null;
        });
        Assert.True(finalState == "completed", $"synchronizer {id} ended in {finalState}. The page showed:\n{browser.Text}");
        Assert.Equal(FileBytes.Hash(content), FileBytes.Hash(await nodes.OnB(StatusPageFixture.Linked).TryDownloadAsync("/status-page/pushed.bin") ?? []));

        var screenshot = Path.Combine(nodes.ScreenshotFolder, "status-page.png");
        browser.SaveScreenshot(screenshot);
        var bytes = await File.ReadAllBytesAsync(screenshot);
        Assert.True(bytes.Length > PngSignature.Length, $"the screenshot has {bytes.Length} bytes");
        Assert.Equal(PngSignature, bytes[..PngSignature.Length]);
    }

    [ChromiumFact]
    public async Task A_conflict_is_listed_and_cleared_by_keep_current_or_by_take_remote_and_the_next_push()
    {
        await MakeConflictOnBAsync("/status-page/keep.txt", seed: 71);
        var onA = await MakeConflictOnBAsync("/status-page/take.txt", seed: 72);
        using var browser = StatusPageBrowser.Open(nodes.B.Url + "/");
        const string keep = "#conflicts tr[data-conflict='/status-page/keep.txt']";
        const string take = "#conflicts tr[data-conflict='/status-page/take.txt']";

        browser.WaitFor("the keep.txt conflict row", keep);
        browser.WaitFor("the take.txt conflict row", take);

        browser.Click("keep.txt's CurrentVersion button", keep + " button[data-strategy='CurrentVersion']");
        browser.Until("keep.txt's row to disappear", _ => browser.FindAll(keep).Count == 0);

        // RemoteVersion only accepts the remote version: the row says so until A pushes the file again.
        browser.Click("take.txt's RemoteVersion button", take + " button[data-strategy='RemoteVersion']");
        browser.WaitFor("take.txt waiting for the remote version", take + "[data-waiting-for-remote='true']");
        var push = await nodes.OnA(StatusPageFixture.Pages).Synchronization.StartAsync("/status-page/take.txt", nodes.BAs(StatusPageFixture.Pages));
        Assert.Null(push.Exception);
        browser.Until("take.txt's row to disappear", _ => browser.FindAll(take).Count == 0);

        Assert.Equal(FileBytes.Hash(onA), FileBytes.Hash(await nodes.OnB(StatusPageFixture.Pages).TryDownloadAsync("/status-page/take.txt") ?? []));
        var conflicts = await nodes.OnB(StatusPageFixture.Pages).Synchronization.GetConflictsAsync(0, 100);
        Assert.DoesNotContain(conflicts.Items, c => c.FileName.StartsWith("/status-page/", StringComparison.Ordinal));
    }

    [ChromiumFact]
    public void With_api_keys_the_page_asks_for_the_key_refuses_a_wrong_one_and_goes_live_with_the_right_one()
    {
        using var browser = StatusPageBrowser.Open(nodes.C.Url + "/");

        browser.Until("the API key form to show", d => d.FindElement(By.Id("api-key-form")).Displayed);
        Assert.Empty(browser.FindAll("#file-systems tbody tr"));

        browser.SubmitApiKey("not-the-key");
        browser.Until("the wrong key to be refused", d => d.FindElement(By.Id("api-key-error")).Text.Contains("rejected", StringComparison.Ordinal));

        browser.SubmitApiKey(StatusPageFixture.ApiKey);
        browser.WaitFor("the Secured file system row", $"#file-systems tr[data-fs='{StatusPageFixture.Secured}']");
        // The WebSocket carries the key as ?api_key= (browsers cannot set its headers).
        browser.WaitFor("the live notifications indicator", "#connection[data-state='live']");
        Assert.False(browser.FindAll("#api-key-form").Single().Displayed);
    }

    [ChromiumFact]
    public async Task When_the_node_restarts_the_page_shows_it_offline_and_reconnects_by_itself()
    {
        using var browser = StatusPageBrowser.Open(nodes.C.Url + "/");
        browser.SubmitApiKey(StatusPageFixture.ApiKey);
        browser.WaitFor("the live notifications indicator", "#connection[data-state='live']");

        await nodes.C.KillHardAsync();
        browser.WaitFor("the offline indicator", "#connection[data-state='offline']");
        browser.Until("the page to say the node does not answer", d => d.FindElement(By.Id("page-error")).Displayed);

        await nodes.C.RestartAsync();
        browser.WaitFor("the indicator to be live again", "#connection[data-state='live']");
        browser.Until("the error line to go", d => !d.FindElement(By.Id("page-error")).Displayed);
        browser.WaitFor("the Secured file system row", $"#file-systems tr[data-fs='{StatusPageFixture.Secured}']");
    }

    /// <summary>The same name written on B and then on A with other bytes, pushed A → B: B records a conflict. Returns A's bytes.</summary>
    private async Task<byte[]> MakeConflictOnBAsync(string name, int seed)
    {
        var onA = FileBytes.Random(5_000, seed + 1000);
        await nodes.OnB(StatusPageFixture.Pages).UploadAsync(name, FileBytes.Random(5_000, seed));
        await nodes.OnA(StatusPageFixture.Pages).UploadAsync(name, onA);
        var report = await nodes.OnA(StatusPageFixture.Pages).Synchronization.StartAsync(name, nodes.BAs(StatusPageFixture.Pages));
        Assert.NotNull(report.Exception);
        return onA;
    }
}
