using FileSync.Acceptance.Support;
using FileSync.Client;
using FileSync.Client.Notifications;

namespace FileSync.Acceptance.Notifications;

/// <summary>
/// Real nodes A and B, real WebSockets: what each side of a synchronization announces on
/// <c>/fs/{fs}/synchronization</c>. The tests share <see cref="NotificationPair"/> and use distinct file names.
/// </summary>
public sealed class SynchronizationNotificationTests(NotificationPair pair) : IClassFixture<NotificationPair>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly Topology _topology = pair.Topology;
    private readonly NodeProcess _a = pair.A;
    private readonly NodeProcess _b = pair.B;
    private readonly FilesStore _storeA = pair.StoreA;
    private readonly FilesStore _storeB = pair.StoreB;

    [Fact]
    public async Task An_upload_pushed_to_B_is_Enqueue_Start_Finish_Outgoing_on_A_and_Start_Finish_Incoming_on_B()
    {
        await using var onA = await _storeA.Notifications.ConnectAsync(["/fs/Pushed/synchronization"]);
        await using var onB = await _storeB.Notifications.ConnectAsync(["/fs/Pushed/synchronization"]);

        await _topology.Client(_a, "Pushed").UploadAsync("/notified/report.pdf", FileBytes.Random(30_000, 61));
        await _topology.Client(_a, "Pushed").Synchronization.StartAsync(forceSyncingAll: true);

        var outgoing = await ActivitiesAsync(onA, "/notified/report.pdf", until: "Finish");
        Assert.Equal(["Enqueue", "Start", "Finish"], outgoing.Select(n => n.DataString("Action")));
        Assert.All(outgoing, n =>
        {
            Assert.Equal("/fs/Pushed/synchronization", n.Resource);
            Assert.Equal("Outgoing", n.DataString("Direction"));
            Assert.Equal("ContentUpdate", n.DataString("Type"));
            Assert.Equal($"{_b.Url}/fs/Pushed", n.DataString("DestinationFileSystemUrl"));
        });

        var incoming = await ActivitiesAsync(onB, "/notified/report.pdf", until: "Finish");
        Assert.Equal(["Start", "Finish"], incoming.Select(n => n.DataString("Action")));
        Assert.All(incoming, n =>
        {
            Assert.Equal("Incoming", n.DataString("Direction"));
            Assert.Equal($"{_a.Url}/fs/Pushed", n.DataString("DestinationFileSystemUrl"));
        });
        Assert.Equal(FileBytes.Hash(FileBytes.Random(30_000, 61)),
            FileBytes.Hash(await _topology.Client(_b, "Pushed").TryDownloadAsync("/notified/report.pdf") ?? []));
    }

    [Fact]
    public async Task A_conflict_is_Detected_on_B_and_Resolved_after_ResolveConflict()
    {
        await using var onB = await _storeB.Notifications.ConnectAsync(["/fs/Manual/synchronization"]);
        await _topology.Client(_b, "Manual").UploadAsync("/clash.txt", FileBytes.Random(10_000, 62));
        await _topology.Client(_a, "Manual").UploadAsync("/clash.txt", FileBytes.Random(10_000, 63));

        var report = await _topology.Client(_a, "Manual").Synchronization.StartAsync("/clash.txt", Topology.Destination(_b, "Manual"));
        Assert.NotNull(report.Exception);

        var detected = await NextConflictAsync(onB);
        Assert.Equal("/clash.txt", detected.DataString("FileName"));
        Assert.Equal("Detected", detected.DataString("Status"));
        Assert.Equal(_a.Url, detected.DataString("SourceServerUrl")?.TrimEnd('/'));

        await _topology.Client(_b, "Manual").Synchronization.ResolveConflictAsync("/clash.txt", ConflictResolutionStrategy.CurrentVersion);

        var resolved = await NextConflictAsync(onB);
        Assert.Equal("/clash.txt", resolved.DataString("FileName"));
        Assert.Equal("Resolved", resolved.DataString("Status"));
    }

    /// <summary>The synchronization events for one file, up to and including the first with Action <paramref name="until"/>.</summary>
    private static async Task<List<Notification>> ActivitiesAsync(NotificationSubscription subscription, string fileName, string until)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var seen = new List<Notification>();
        while (await subscription.ReceiveAsync(timeout.Token) is { } notification)
        {
            if (notification.Event != "synchronization" || notification.DataString("FileName") != fileName) continue;
            seen.Add(notification);
            if (notification.DataString("Action") == until) return seen;
        }
        throw new Xunit.Sdk.XunitException($"The node closed the socket after {seen.Count} events for {fileName}.");
    }

    private static async Task<Notification> NextConflictAsync(NotificationSubscription subscription)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (await subscription.ReceiveAsync(timeout.Token) is { } notification)
            if (notification.Event == "conflict") return notification;
        throw new Xunit.Sdk.XunitException("The node closed the socket before a conflict event.");
    }
}

/// <summary>
/// Nodes A and B for <see cref="SynchronizationNotificationTests"/>: <c>Pushed</c> goes A → B (destination enabled);
/// <c>Manual</c> has no destinations and is pushed file by file, so its conflicts are the test's own.
/// </summary>
public sealed class NotificationPair : IAsyncLifetime
{
    public NotificationPair()
    {
        A = Topology.Define("a");
        B = Topology.Define("b");
        A.Configure(NodeConfig.Render([new FileSystemSpec("Pushed") { Destinations = [new DestinationSpec(B, "Pushed")] }, new FileSystemSpec("Manual")]));
        B.Configure(NodeConfig.Render([new FileSystemSpec("Pushed"), new FileSystemSpec("Manual")]));
    }

    public Topology Topology { get; } = new();
    public NodeProcess A { get; }
    public NodeProcess B { get; }
    public FilesStore StoreA { get; private set; } = null!;
    public FilesStore StoreB { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Topology.StartAllAsync();
        StoreA = new FilesStore { Url = A.Url }.Initialize();
        StoreB = new FilesStore { Url = B.Url }.Initialize();
    }

    public async Task DisposeAsync()
    {
        StoreA.Dispose();
        StoreB.Dispose();
        await Topology.DisposeAsync();
    }
}
