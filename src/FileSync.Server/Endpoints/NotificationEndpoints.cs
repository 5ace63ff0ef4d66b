using FileSync.Kernel;
using FileSync.Server.Hosting;
using FileSync.Server.Http;
using FileSync.Server.Notifications;

namespace FileSync.Server.Endpoints;

/// <summary>
/// The notifications WebSocket (API.md §6, docs/notifications.md): <see cref="AddNotifications"/> starts
/// <c>/user/notifications</c> once the node runtime is up; <see cref="MapNotifications"/> serves
/// <c>ws://{host}/v0/notifications</c>.
/// </summary>
public static class NotificationEndpoints
{
    public const string Route = "/v0/notifications";

    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddSingleton<NotificationHubHost>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationHubHost>());
        return services;
    }

    /// <summary>Adds the WebSocket middleware and the route; call after the API key middleware so keys are checked first.</summary>
    public static WebApplication MapNotifications(this WebApplication app)
    {
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.MapGet(Route, ServeAsync);
        return app;
    }

    private static async Task ServeAsync(HttpContext context, NotificationHubHost host, IHostApplicationLifetime lifetime)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await Problems.BadRequest(
                    $"{Route} speaks WebSocket only: open ws://{context.Request.Host}{Route} (an HTTP GET with 'Connection: Upgrade' and 'Upgrade: websocket').")
                .ExecuteAsync(context).ConfigureAwait(false);
            return;
        }
        var hub = host.Hub;
        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        using var connection = new NotificationConnection(socket, host.Settings);
        await connection.RunAsync(hub, lifetime.ApplicationStopping).ConfigureAwait(false);
    }
}

/// <summary>Starts <see cref="NotificationHub"/> after <see cref="NodeRuntime"/> (hosted services start in registration order).</summary>
public sealed class NotificationHubHost(NodeRuntime runtime, IConfiguration configuration) : IHostedService
{
    private IActorRef? _hub;

    public IActorRef Hub => _hub ?? throw new InvalidOperationException("The notification hub has not started (or has stopped).");

    public NotificationSettings Settings { get; } = NotificationSettings.Read(configuration);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _hub = runtime.System.ActorOf(NotificationHub.Props(), NotificationHub.Name);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        var hub = Interlocked.Exchange(ref _hub, null);
        if (hub is null) return Task.CompletedTask;
        try
        {
            runtime.System.Stop(hub);
        }
        catch (InvalidOperationException)
        {
            // The runtime already stopped its actor system.
        }
        return Task.CompletedTask;
    }
}
