using System.Net.Sockets;
using System.Text.Json;
using FileSync.Acceptance.Support;
using FileSync.Client;
using FileSync.TestSupport;

namespace FileSync.Acceptance.Demo;

/// <summary>
/// <c>FileSync.Server demo</c> on the seed's fixed ports (8080 and 8081), then both curl examples of
/// seeds/000 exactly as written (the second with its body's closing quote added), run by <c>curl</c> itself.
/// </summary>
public sealed class DemoCurlTests : IAsyncLifetime
{
    // seeds/000, "Synchronization of all destinations" example, verbatim.
    private const string AllDestinationsExample = """
        curl \
        	-X POST http://localhost:8080/fs/NorthwindFS/synchronization/ToDestinations?forceSyncingAll=false \
            -d ""
        """;

    // seeds/000, "Synchronization of a particular file" example, verbatim but for the closing quote of -d.
    private const string OneFileExample = """
        curl \
            -X POST http://localhost:8080/fs/NorthwindFS/synchronization/start/books/Inside.RavenDB.3.0.pdf \
            -d "{'ServerUrl':'http://localhost:8081','FileSystem':'SlaveNorthwindFS'}"
        """;

    private const string AlreadyThereSentence = "Destination server had this file in the past";

    private static readonly string[] ReportProperties =
        ["FileName", "FileETag", "BytesTransfered", "BytesCopied", "NeedListLength", "Exception", "Type"];

    private readonly TempDirectory _data = new("filesync-demo-test");
    private ChildProcess? _demo;

    public async Task InitializeAsync()
    {
        foreach (var port in new[] { 8080, 8081 })
        {
            Assert.False(IsListening(port), $"Port {port} is taken by another program: the demo test needs the seed's ports 8080 and 8081.");
        }
        _demo = ChildProcess.StartNode("demo", "--data-dir", _data.Path);
        var listening = 0;
        await _demo.WaitForLineAsync(l => l.Contains("Now listening on:", StringComparison.Ordinal) && ++listening == 2, TimeSpan.FromSeconds(40));
    }

    public async Task DisposeAsync()
    {
        if (_demo is { HasExited: false })
        {
            using (var term = System.Diagnostics.Process.Start("kill", ["-INT", _demo.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                await term.WaitForExitAsync();
            await _demo.WaitForExitAsync(TimeSpan.FromSeconds(20));
        }
        _demo?.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task Both_seed_curl_examples_return_the_documented_shapes_and_ctrl_c_stops_both_nodes()
    {
        using var store = new FilesStore { Url = "http://localhost:8080", DefaultFileSystem = "NorthwindFS" }.Initialize();
        var book = FileBytes.Random(1_202_187, seed: 1);
        await store.AsyncFilesCommands.UploadAsync("/books/Inside.RavenDB.3.0.pdf", book);
        await store.AsyncFilesCommands.UploadAsync("/pdfs/DZone_DatabasePersistenceMgmt.pdf", FileBytes.Random(360_420, seed: 2));

        using (var all = JsonDocument.Parse(await CurlAsync(AllDestinationsExample)))
        {
            var result = Assert.Single(all.RootElement.EnumerateArray());
            Assert.Equal(["DestinationServer", "DestinationFileSystem", "Reports", "Exception"], result.EnumerateObject().Select(p => p.Name));
            Assert.Equal("http://localhost:8081", result.GetProperty("DestinationServer").GetString());
            Assert.Equal("SlaveNorthwindFS", result.GetProperty("DestinationFileSystem").GetString());
            Assert.True(result.GetProperty("Exception").ValueKind == JsonValueKind.Null, $"ToDestinations reported an exception: {result}");
            if (result.GetProperty("Reports").ValueKind == JsonValueKind.Array)
            {
                foreach (var report in result.GetProperty("Reports").EnumerateArray())
                    Assert.Equal(ReportProperties, report.EnumerateObject().Select(p => p.Name));
            }
        }

        using (var one = JsonDocument.Parse(await CurlAsync(OneFileExample)))
        {
            Assert.Equal(ReportProperties, one.RootElement.EnumerateObject().Select(p => p.Name));
            Assert.Equal("/books/Inside.RavenDB.3.0.pdf", one.RootElement.GetProperty("FileName").GetString());
            // The demo's change-triggered pass (200 ms after the upload) may have carried the book already; then the
            // report says so (docs/synchronization.md) instead of carrying it a second time.
            var exception = one.RootElement.GetProperty("Exception");
            if (exception.ValueKind != JsonValueKind.Null)
                Assert.Equal(AlreadyThereSentence, exception.GetProperty("Message").GetString());
        }

        // Whichever call carried it, the book is now on node B, byte for byte.
        using var slave = new FilesStore { Url = "http://localhost:8081", DefaultFileSystem = "SlaveNorthwindFS" }.Initialize();
        await Eventually.TrueAsync("the book on node B", async () =>
            await slave.AsyncFilesCommands.TryDownloadAsync("/books/Inside.RavenDB.3.0.pdf") is { } got && FileBytes.Hash(got) == FileBytes.Hash(book));

        using (var interrupt = System.Diagnostics.Process.Start("kill", ["-INT", _demo!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await interrupt.WaitForExitAsync();
        Assert.Equal(0, await _demo.WaitForExitAsync(TimeSpan.FromSeconds(20)));
        Assert.False(IsListening(8080));
        Assert.False(IsListening(8081));
    }

    /// <summary>Runs the example through <c>sh</c> exactly as a user would paste it; returns curl's stdout (the body).</summary>
    private static async Task<string> CurlAsync(string example)
    {
        Assert.True(File.Exists("/usr/bin/curl") || File.Exists("/bin/curl"), "curl is not installed: apt-get install -y curl");
        using var sh = ChildProcess.Start("/bin/sh", ["-c", example]);
        var exit = await sh.WaitForExitAsync(TimeSpan.FromSeconds(40));
        var output = string.Join('\n', await sh.ReadToEndAsync(TimeSpan.FromSeconds(5)));
        Assert.True(exit == 0, $"curl exited {exit}: {output} {sh.ErrorOutput}");
        return output;
    }

    private static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
