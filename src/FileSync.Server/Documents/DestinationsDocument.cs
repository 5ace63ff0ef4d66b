using System.Text.Json;
using System.Text.Json.Nodes;
using FileSync.Server.Http;
using FileSync.Storage.Files;
using FileSync.Sync.Contracts;

namespace FileSync.Server.Documents;

/// <summary>The "Raven/Synchronization/Destinations" document: <c>{"Destinations":[…]}</c>.</summary>
public sealed record DestinationsDocument(IReadOnlyList<SynchronizationDestination> Destinations)
{
    /// <summary>Validates a parsed body; property names match case-insensitively, as Json.NET did.</summary>
    public static DestinationsDocument FromJson(JsonNode node)
    {
        if (node is not JsonObject root)
            throw new BadRequestException("A destinations document is a JSON object: {\"Destinations\":[{\"ServerUrl\":…,\"FileSystem\":…}]}.");
        var list = JsonFields.Get(root, "Destinations") switch
        {
            null => [],
            JsonArray array => array,
            _ => throw new BadRequestException("'Destinations' must be a JSON array of destinations."),
        };
        var destinations = new List<SynchronizationDestination>();
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is not JsonObject item)
                throw new BadRequestException($"Destination #{i + 1} is not a JSON object.");
            destinations.Add(Destination(item, i + 1));
        }
        return new DestinationsDocument(destinations);
    }

    public static SynchronizationDestination Destination(JsonObject item, int position)
    {
        var where = $"Destination #{position}";
        var url = JsonFields.String(item, "ServerUrl", where)
            ?? throw new BadRequestException($"{where} has no 'ServerUrl'.");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new BadRequestException($"{where} has 'ServerUrl' '{url}', which is not an absolute http(s) URL.");
        var fileSystem = JsonFields.String(item, "FileSystem", where)
            ?? throw new BadRequestException($"{where} has no 'FileSystem'.");
        if (!FileSystemName.IsValid(fileSystem))
            throw new BadRequestException($"{where} has 'FileSystem' '{fileSystem}', which is not a valid file system name.");
        return new SynchronizationDestination(
            url.TrimEnd('/'),
            fileSystem,
            JsonFields.String(item, "ApiKey", where),
            JsonFields.Bool(item, "Enabled", where) ?? true,
            JsonFields.String(item, "Username", where),
            JsonFields.String(item, "Password", where),
            JsonFields.String(item, "Domain", where),
            JsonFields.String(item, "AuthenticationScheme", where));
    }

    public string ToJson() => JsonSerializer.Serialize(this);
}
