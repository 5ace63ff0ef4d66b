using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FileSync.Server.Admin;

/// <summary>Registers what the <c>/admin</c> introspection routes need (see Endpoints/AdminEndpoints.cs).</summary>
public static class AdminServices
{
    /// <summary>Call after the node runtime is registered: the monitor subscribes to its actor system at start.</summary>
    public static IServiceCollection AddNodeAdmin(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<NodeMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<NodeMonitor>());
        services.AddSingleton<NodeAdmin>();
        return services;
    }
}
