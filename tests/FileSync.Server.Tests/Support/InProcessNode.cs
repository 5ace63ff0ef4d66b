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

namespace FileSync.Server.Tests.Support;

/// <summary>
/// A real node (Kestrel on a free loopback port, SQLite storage in a temp folder) hosted in the test
/// process. Requests go over real HTTP.
/// </summary>
public sealed class InProcessNode : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TempDirectory? _ownedFolder;

    private InProcessNode(WebApplication app, NodeOptions options, TempDirectory? ownedFolder, string baseUrl)
    {
        _app = app;
        _ownedFolder = ownedFolder;
        Options = options;
        BaseUrl = baseUrl;
        Http = new HttpClient { BaseAddress = new Uri(baseUrl + "/"), Timeout = TimeSpan.FromSeconds(60) };
    }

    public NodeOptions Options { get; }
    public string BaseUrl { get; }
    public HttpClient Http { get; }
    public string DataDirectory => Options.Storage.DataDirectory;
    public IServiceProvider Services => _app.Services;

    public ActorSystem System => _app.Services.GetRequiredService<NodeRuntime>().System;

    /// <summary>The node's event stream, so tests can publish exactly what the synchronization actors publish.</summary>
    public EventStream Events => System.EventStream;

    /// <summary>Starts a node; <paramref name="configure"/> adjusts the default options (API keys, seeds, …).</summary>
    /// <param name="settings">Extra configuration keys in <c>filesync:…</c> form (e.g. <c>filesync:notifications:buffer-size</c>).</param>
    public static async Task<InProcessNode> StartAsync(Func<NodeOptions, NodeOptions>? configure = null, string? dataDirectory = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var folder = dataDirectory is null ? new TempDirectory("filesync-server-test") : null;
        var options = new NodeOptions
        {
            Url = "http://127.0.0.1:0",
            Storage = new StorageSettings(dataDirectory ?? folder!.Path),
            LogLevel = LogLevel.Warning,
        };
        options = configure?.Invoke(options) ?? options;
        var extra = settings is null ? null : new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var app = NodeApplication.Build(options, extra);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        return new InProcessNode(app, options, folder, address.TrimEnd('/'));
    }

    /// <summary>Creates a file system through the API and returns its name.</summary>
    public async Task<string> CreateFileSystemAsync(string name = "TestFS")
    {
        using var response = await Http.PutAsync($"admin/fs/{name}", null);
        response.EnsureSuccessStatusCode();
        return name;
    }

    /// <summary>Every file under the data directory, as relative paths (to prove nothing was written outside the store).</summary>
    public IReadOnlyList<string> FilesOnDisk() =>
        Directory.EnumerateFiles(DataDirectory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(DataDirectory, f))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Stops the node (as SIGTERM would) without disposing it.</summary>
    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _ownedFolder?.Dispose();
    }
}
