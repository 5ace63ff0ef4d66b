using System.Collections.Frozen;

namespace FileSync.Server.StatusPage;

/// <summary>
/// The page's files (<c>StatusPage/Assets/*</c>), embedded in the server assembly so the page works offline and
/// ships with the node. Read once at start; served from memory.
/// </summary>
public sealed class StatusPageAssets
{
    /// <summary>Logical resource names are <c>StatusPage/{file name}</c> (set in FileSync.Server.csproj).</summary>
    public const string ResourcePrefix = "StatusPage/";

    public const string IndexFile = "index.html";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly FrozenDictionary<string, StatusPageAsset> _assets;

    private StatusPageAssets(FrozenDictionary<string, StatusPageAsset> assets) => _assets = assets;

    public static StatusPageAssets Instance { get; } = Load();

    public IEnumerable<string> Names => _assets.Keys;

    /// <summary>The asset with exactly that file name (case-sensitive, no folders), or null.</summary>
    public StatusPageAsset? Find(string fileName) => _assets.GetValueOrDefault(fileName);

    private static StatusPageAssets Load()
    {
        var assembly = typeof(StatusPageAssets).Assembly;
        var assets = new Dictionary<string, StatusPageAsset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var name = resource[ResourcePrefix.Length..];
            if (!ContentTypes.TryGetValue(Path.GetExtension(name), out var contentType)) continue;
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            assets[name] = new StatusPageAsset(name, contentType, copy.ToArray());
        }
        if (!assets.ContainsKey(IndexFile))
            throw new InvalidOperationException($"The status page resource {ResourcePrefix}{IndexFile} is missing from {assembly.GetName().Name}; check the EmbeddedResource item in FileSync.Server.csproj.");
        return new StatusPageAssets(assets.ToFrozenDictionary(StringComparer.Ordinal));
    }
}

/// <summary>One embedded file of the page.</summary>
public sealed record StatusPageAsset(string Name, string ContentType, ReadOnlyMemory<byte> Content);
