using FileSync.Kernel;
using FileSync.Server.Hosting;
using FileSync.Storage;
using FileSync.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FileSync.Server.Tests.Notifications;

/// <summary>
/// A real node in the test process (Kestrel on a free loopback port, SQLite in a temp folder) with extra HOCON-style
/// settings (e.g. <c>filesync:notifications:buffer-size</c>) and direct access to its event stream, so tests can
/// publish exactly the events the synchronization actors publish.
/// </summary>
internal sealed class NotificationNode : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TempDirectory _folder;

    private NotificationNode(WebApplication app, TempDirectory folder, string baseUrl)
    {
        _app = app;
        _folder = folder;
        BaseUrl = baseUrl;
        Http = new HttpClient { BaseAddress = new Uri(baseUrl + "/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public string BaseUrl { get; }
    public HttpClient Http { get; }
    public ActorSystem System => _app.Services.GetRequiredService<NodeRuntime>().System;
    public EventStream Events => System.EventStream;

    public static async Task<NotificationNode> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, IReadOnlyList<string>? apiKeys = null)
    {
        var folder = new TempDirectory("filesync-notifications-test");
        var options = new NodeOptions
        {
            Url = "http://127.0.0.1:0",
            Storage = new StorageSettings(folder.Path),
            LogLevel = LogLevel.Warning,
            ApiKeys = apiKeys ?? [],
        };
        var extra = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var app = NodeApplication.Build(options, extra);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new NotificationNode(app, folder, address.TrimEnd('/'));
    }

    public async Task StopAsync() => await _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _folder.Dispose();
    }
}
