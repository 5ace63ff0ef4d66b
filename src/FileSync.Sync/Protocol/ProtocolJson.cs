using System.Text.Json;

namespace FileSync.Sync.Protocol;

/// <summary>JSON settings of the node-to-node protocol: PascalCase, like the /fs routes.</summary>
public static class ProtocolJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General);
}
