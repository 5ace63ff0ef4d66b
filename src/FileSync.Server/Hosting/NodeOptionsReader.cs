using FileSync.Hocon;
using FileSync.Kernel;
using FileSync.Server.Documents;
using FileSync.Storage;
using FileSync.Storage.Files;
using FileSync.Sync.Contracts;

namespace FileSync.Server.Hosting;

/// <summary>Reads <see cref="NodeOptions"/> from the resolved HOCON tree (the node's file over <c>hocon/filesync.conf</c>).</summary>
public static class NodeOptionsReader
{
    public static NodeOptions Read(Config config)
    {
        var url = Required(config, "filesync.node.url");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
            throw new NodeConfigurationException($"filesync.node.url '{url}' is not an absolute http:// URL.");
        var dataDir = Path.GetFullPath(Required(config, "filesync.node.data-dir"));
        return new NodeOptions
        {
            Url = url,
            Storage = new StorageSettings(
                dataDir,
                Provider(config.GetString("filesync.persistence.provider")),
                config.HasPath("filesync.persistence.connection-string") ? config.GetString("filesync.persistence.connection-string") ?? "" : "",
                ByteSize(config, "filesync.chunk-store.min-chunk"),
                ByteSize(config, "filesync.chunk-store.avg-chunk"),
                ByteSize(config, "filesync.chunk-store.max-chunk"))
            {
                ServerId = ServerIdOf(config),
            },
            ApiKeys = config.HasPath("filesync.security.api-keys") ? config.GetStringList("filesync.security.api-keys") : [],
            FileSystems = FileSystems(config),
            LogLevel = LogLevelOf(config),
            Kernel = KernelOf(config),
            StorageLink = StorageLinkOptions.Read(config),
        };
    }

    /// <summary><c>filesync.node.server-id</c>: empty or absent = generated once by storage; otherwise a GUID.</summary>
    private static Guid? ServerIdOf(Config config)
    {
        var text = config.HasPath("filesync.node.server-id") ? config.GetString("filesync.node.server-id") : null;
        if (string.IsNullOrWhiteSpace(text)) return null;
        return Guid.TryParse(text, out var id)
            ? id
            : throw new NodeConfigurationException($"filesync.node.server-id '{text}' is not a GUID (e.g. 3f2504e0-4f89-11d3-9a0c-0305e82c3301); leave it empty to have one generated.");
    }

    private static List<FileSystemSeed> FileSystems(Config config)
    {
        var seeds = new List<FileSystemSeed>();
        if (!config.HasPath("filesync.file-systems")) return seeds;
        var defaults = new SynchronizationConfigDocument(
            MaxNumberOfSynchronizationsPerDestination: config.HasPath("filesync.synchronization.max-per-destination")
                ? config.GetInt("filesync.synchronization.max-per-destination") : 5,
            SynchronizationLockTimeoutMiliseconds: config.HasPath("filesync.synchronization.lock-timeout")
                ? (long)config.GetDuration("filesync.synchronization.lock-timeout").TotalMilliseconds : 600_000);
        var entries = config.GetConfigList("filesync.file-systems");
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var where = $"filesync.file-systems[{i}]";
            var name = entry.HasPath("name") ? entry.GetString("name") : null;
            if (!FileSystemName.IsValid(name))
                throw new NodeConfigurationException($"{where}.name '{name}' is not a valid file system name (letters, digits, '-', '_', '.').");
            if (seeds.Any(s => s.Name == name))
                throw new NodeConfigurationException($"{where}.name '{name}' is declared twice.");
            seeds.Add(new FileSystemSeed(name!, Destinations(entry, where), SyncConfig(entry, where, defaults)));
        }
        return seeds;
    }

    private static DestinationsDocument? Destinations(Config entry, string where)
    {
        if (!entry.HasPath("destinations")) return null;
        var list = entry.GetConfigList("destinations");
        var destinations = new List<SynchronizationDestination>();
        for (var i = 0; i < list.Count; i++)
        {
            var d = list[i];
            var at = $"{where}.destinations[{i}]";
            var url = Optional(d, "url") ?? Optional(d, "server-url")
                ?? throw new NodeConfigurationException($"{at}.url is missing.");
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                throw new NodeConfigurationException($"{at}.url '{url}' is not an absolute http(s) URL.");
            var fileSystem = Optional(d, "file-system")
                ?? throw new NodeConfigurationException($"{at}.file-system is missing.");
            if (!FileSystemName.IsValid(fileSystem))
                throw new NodeConfigurationException($"{at}.file-system '{fileSystem}' is not a valid file system name.");
            destinations.Add(new SynchronizationDestination(
                url.TrimEnd('/'),
                fileSystem,
                NullIfEmpty(Optional(d, "api-key")),
                !d.HasPath("enabled") || d.GetBoolean("enabled"),
                NullIfEmpty(Optional(d, "username")),
                NullIfEmpty(Optional(d, "password")),
                NullIfEmpty(Optional(d, "domain")),
                NullIfEmpty(Optional(d, "authentication-scheme"))));
        }
        return new DestinationsDocument(destinations);
    }

    private static SynchronizationConfigDocument SyncConfig(Config entry, string where, SynchronizationConfigDocument defaults)
    {
        var resolution = defaults.FileConflictResolution;
        if (Optional(entry, "conflict-resolution") is { } text)
        {
            if (!SynchronizationConfigDocument.TryParseResolution(text, out resolution))
                throw new NodeConfigurationException(
                    $"{where}.conflict-resolution '{text}' is not one of {string.Join(", ", Enum.GetNames<FileConflictResolution>())}.");
        }
        var max = entry.HasPath("max-per-destination") ? entry.GetInt("max-per-destination") : defaults.MaxNumberOfSynchronizationsPerDestination;
        if (max < 1) throw new NodeConfigurationException($"{where}.max-per-destination must be at least 1, not {max}.");
        return defaults with { FileConflictResolution = resolution, MaxNumberOfSynchronizationsPerDestination = max };
    }

    private static StorageProvider Provider(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => StorageProvider.Sqlite,
        "postgresql" or "postgres" => StorageProvider.PostgreSql,
        _ => throw new NodeConfigurationException($"filesync.persistence.provider '{text}' is not one of sqlite, postgresql."),
    };

    private static int ByteSize(Config config, string path)
    {
        var bytes = config.GetByteSize(path);
        if (bytes is <= 0 or > int.MaxValue) throw new NodeConfigurationException($"{path} must be a positive size below 2 GiB.");
        return (int)bytes;
    }

    private static KernelSettings KernelOf(Config config)
    {
        var defaults = KernelSettings.Default;
        var settings = defaults with
        {
            Throughput = config.HasPath("filesync.kernel.throughput") ? config.GetInt("filesync.kernel.throughput") : defaults.Throughput,
            DefaultAskTimeout = config.HasPath("filesync.kernel.ask-timeout") ? config.GetDuration("filesync.kernel.ask-timeout") : defaults.DefaultAskTimeout,
            ShutdownTimeout = config.HasPath("filesync.kernel.shutdown-timeout") ? config.GetDuration("filesync.kernel.shutdown-timeout") : defaults.ShutdownTimeout,
        };
        try
        {
            settings.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new NodeConfigurationException($"filesync.kernel: {e.Message}");
        }
        return settings;
    }

    private static LogLevel LogLevelOf(Config config)
    {
        var text = Optional(config, "filesync.logging.level") ?? "Information";
        return Enum.TryParse<LogLevel>(text, ignoreCase: true, out var level) && Enum.IsDefined(level)
            ? level
            : throw new NodeConfigurationException(
                $"filesync.logging.level '{text}' is not one of {string.Join(", ", Enum.GetNames<LogLevel>())}.");
    }

    private static string Required(Config config, string path) =>
        Optional(config, path) is { Length: > 0 } value ? value : throw new NodeConfigurationException($"{path} is missing or empty.");

    private static string? Optional(Config config, string path) => config.HasPath(path) ? config.GetString(path) : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

/// <summary>The node's configuration is unusable; the message names the key and what is wrong with it.</summary>
public sealed class NodeConfigurationException(string message) : Exception(message);
