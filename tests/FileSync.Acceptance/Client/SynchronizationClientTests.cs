using System.Text.Json;
using FileSync.Acceptance.Support;
using FileSync.Client;

namespace FileSync.Acceptance.Client;

/// <summary>The client's synchronization calls: the requests they send and the literal JSON of API.md §4 / seed 000 they read.</summary>
public sealed class SynchronizationClientTests
{
    private static async Task<(T Result, (string Method, string PathAndQuery, string Body) Request)> CallAsync<T>(
        string json, Func<SynchronizationCommands, Task<T>> call, int status = 200)
    {
        using var server = new CannedHttpServer(status, json);
        using var store = new FilesStore { Url = server.Url, DefaultFileSystem = "NorthwindFS" }.Initialize();
        var result = await call(store.AsyncFilesCommands.Synchronization);
        return (result, server.Last);
    }

    [Fact]
    public async Task StartAsync_for_all_destinations_posts_ToDestinations_and_reads_the_seed_answer()
    {
        const string seedAnswer = """
            [
                {
                    "DestinationServer":"http://localhost:8081",
                    "DestinationFileSystem":"SlaveNorthwindFS",
                    "Reports":[
                        {
                            "FileName":"/pdfs/DZone_DatabasePersistenceMgmt.pdf",
                            "FileETag":"00000000-0000-0001-0000-000000000004",
                            "BytesTransfered":3604201,
                            "BytesCopied":0,
                            "NeedListLength":1,
                            "Exception":null,
                            "Type":"ContentUpdate"
                        },
                        {
                            "FileName":"/pdfs/NoSQL Tech Comparison Report.pdf",
                            "FileETag":"00000000-0000-0001-0000-000000000006",
                            "BytesTransfered":1408461,
                            "BytesCopied":0,
                            "NeedListLength":1,
                            "Exception":null,
                            "Type":"ContentUpdate"
                        }
                    ],
                    "Exception":null
                }
            ]
            """;

        var (results, request) = await CallAsync(seedAnswer, s => s.StartAsync(forceSyncingAll: false));

        Assert.Equal("POST", request.Method);
        Assert.Equal("/fs/NorthwindFS/synchronization/ToDestinations?forceSyncingAll=false", request.PathAndQuery);
        var result = Assert.Single(results);
        Assert.Equal("http://localhost:8081", result.DestinationServer);
        Assert.Equal("SlaveNorthwindFS", result.DestinationFileSystem);
        Assert.Null(result.Exception);
        Assert.NotNull(result.Reports);
        Assert.Equal(2, result.Reports.Length);
        Assert.Equal(new SynchronizationReport
        {
            FileName = "/pdfs/NoSQL Tech Comparison Report.pdf",
            FileETag = "00000000-0000-0001-0000-000000000006",
            BytesTransfered = 1408461,
            BytesCopied = 0,
            NeedListLength = 1,
            Exception = null,
            Type = SynchronizationType.ContentUpdate,
        }, result.Reports[1]);
    }

    [Fact]
    public async Task StartAsync_for_one_file_posts_the_destination_and_reads_the_report()
    {
        const string seedAnswer = """
            {
                "FileName":"/books/Inside.RavenDB.3.0.pdf",
                "FileETag":"00000000-0000-0001-0000-000000000002",
                "BytesTransfered":1202187,
                "BytesCopied":0,"NeedListLength":1,
                "Exception":null,
                "Type":"ContentUpdate"
            }
            """;

        var (report, request) = await CallAsync(seedAnswer, s => s.StartAsync("/books/Inside.RavenDB.3.0.pdf",
            new SynchronizationDestination { ServerUrl = "http://localhost:8081", FileSystem = "SlaveNorthwindFS" }));

        Assert.Equal("/fs/NorthwindFS/synchronization/start/books/Inside.RavenDB.3.0.pdf", request.PathAndQuery);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("http://localhost:8081", body.RootElement.GetProperty("ServerUrl").GetString());
        Assert.Equal("SlaveNorthwindFS", body.RootElement.GetProperty("FileSystem").GetString());
        Assert.Equal("/books/Inside.RavenDB.3.0.pdf", report.FileName);
        Assert.Equal(1202187, report.BytesTransfered);
        Assert.Equal(1, report.NeedListLength);
        Assert.Equal(SynchronizationType.ContentUpdate, report.Type);
    }

    [Fact]
    public async Task A_report_exception_is_read_as_message_and_type()
    {
        const string json = """
            {"FileName":"/a.txt","FileETag":null,"BytesTransfered":0,"BytesCopied":0,"NeedListLength":0,
             "Exception":{"Message":"File /a.txt is conflicted","Type":"SynchronizationException"},"Type":"Unknown"}
            """;

        var (report, request) = await CallAsync(json, s => s.GetStatusAsync("/a.txt"));

        Assert.Equal("/fs/NorthwindFS/synchronization/Status?fileName=%2Fa.txt", request.PathAndQuery);
        Assert.NotNull(report);
        Assert.Equal(new SynchronizationError { Message = "File /a.txt is conflicted", Type = "SynchronizationException" }, report.Exception);
        Assert.Equal(SynchronizationType.Unknown, report.Type);
    }

    [Fact]
    public async Task Status_of_a_file_never_received_is_null()
    {
        var (report, _) = await CallAsync("null", s => s.GetStatusAsync("/never.txt"));
        Assert.Null(report);
    }

    [Fact]
    public async Task Active_and_pending_pages_read_TotalCount_and_SynchronizationDetails()
    {
        const string json = """
            {"TotalCount":7,"Items":[{"FileName":"/m.txt","FileETag":"00000000-0000-0001-0000-000000000009",
              "DestinationUrl":"http://localhost:8081/fs/SlaveNorthwindFS","Type":"MetadataUpdate"}]}
            """;

        var (page, request) = await CallAsync(json, s => s.GetPendingAsync(5, 1));

        Assert.Equal("/fs/NorthwindFS/synchronization/Pending?start=5&pageSize=1", request.PathAndQuery);
        Assert.Equal(7, page.TotalCount);
        var item = Assert.Single(page.Items);
        Assert.Equal(SynchronizationType.MetadataUpdate, item.Type);
        Assert.Equal("http://localhost:8081/fs/SlaveNorthwindFS", item.DestinationUrl);
        Assert.Equal("00000000-0000-0001-0000-000000000009", item.FileETag);
    }

    [Fact]
    public async Task Conflicts_page_reads_ConflictItem_with_both_histories()
    {
        const string json = """
            {"TotalCount":1,"Items":[{"FileName":"/c.txt","RemoteServerUrl":"http://localhost:8080",
              "CurrentHistory":[{"Version":3,"ServerId":"8f0e6f4c-52a5-4a34-9b0c-0d8f5c3a1e11"}],
              "RemoteHistory":[{"Version":1,"ServerId":"1b2c3d4e-0000-4000-8000-000000000001"},{"Version":2,"ServerId":"1b2c3d4e-0000-4000-8000-000000000001"}],
              "ResolveUsingRemote":true}]}
            """;

        var (page, request) = await CallAsync(json, s => s.GetConflictsAsync());

        Assert.Equal("/fs/NorthwindFS/synchronization/Conflicts?start=0&pageSize=25", request.PathAndQuery);
        var item = Assert.Single(page.Items);
        Assert.Equal("/c.txt", item.FileName);
        Assert.Equal("http://localhost:8080", item.RemoteServerUrl);
        Assert.Equal(new HistoryItem { Version = 3, ServerId = "8f0e6f4c-52a5-4a34-9b0c-0d8f5c3a1e11" }, Assert.Single(item.CurrentHistory));
        Assert.Equal(2, item.RemoteHistory.Length);
        Assert.True(item.ResolveUsingRemote);
    }

    [Fact]
    public async Task LastSynchronization_reads_the_source_information()
    {
        var source = Guid.Parse("1b2c3d4e-0000-4000-8000-000000000001");
        const string json = """
            {"LastSourceFileEtag":"00000000-0000-0001-0000-000000000004","SourceServerUrl":"http://localhost:8080",
             "DestinationServerId":"8f0e6f4c-52a5-4a34-9b0c-0d8f5c3a1e11"}
            """;

        var (info, request) = await CallAsync(json, s => s.GetLastSynchronizationFromAsync(source));

        Assert.Equal($"/fs/NorthwindFS/synchronization/LastSynchronization?from={source}", request.PathAndQuery);
        Assert.Equal("00000000-0000-0001-0000-000000000004", info.LastSourceFileEtag);
        Assert.Equal("http://localhost:8080", info.SourceServerUrl);
        Assert.Equal("8f0e6f4c-52a5-4a34-9b0c-0d8f5c3a1e11", info.DestinationServerId);
    }

    [Fact]
    public async Task ResolveConflict_sends_PATCH_with_the_strategy()
    {
        var (_, request) = await CallAsync("", async s =>
        {
            await s.ResolveConflictAsync("/dir/c.txt", ConflictResolutionStrategy.RemoteVersion);
            return 0;
        }, status: 204);

        Assert.Equal("PATCH", request.Method);
        Assert.Equal("/fs/NorthwindFS/synchronization/ResolveConflict/dir/c.txt?strategy=RemoteVersion", request.PathAndQuery);
    }

    [Fact]
    public async Task ResolveConflicts_sends_PATCH_with_the_strategy()
    {
        var (_, request) = await CallAsync("", async s =>
        {
            await s.ResolveConflictsAsync(ConflictResolutionStrategy.CurrentVersion);
            return 0;
        }, status: 204);

        Assert.Equal("PATCH", request.Method);
        Assert.Equal("/fs/NorthwindFS/synchronization/ResolveConflicts?strategy=CurrentVersion", request.PathAndQuery);
    }

    [Fact]
    public async Task A_400_answer_surfaces_as_FileSyncBadRequestException_with_the_sentence()
    {
        const string problem = """{"type":"urn:filesync:bad-request","title":"Bad Request","status":400,"detail":"forceSyncingAll must be true or false."}""";

        var error = await Assert.ThrowsAsync<FileSyncBadRequestException>(() =>
            CallAsync(problem, s => s.StartAsync(forceSyncingAll: true), status: 400));

        Assert.Equal("forceSyncingAll must be true or false.", error.ProblemDetails.Detail);
    }
}
