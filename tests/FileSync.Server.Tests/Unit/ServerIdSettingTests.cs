using FileSync.Hocon;
using FileSync.Server.Hosting;

namespace FileSync.Server.Tests.Unit;

public sealed class ServerIdSettingTests
{
    private static NodeOptions Read(string serverId) => NodeOptionsReader.Read(
        FileSync.Hocon.Hocon.ParseString($"filesync.node.server-id = \"{serverId}\"").WithFallback(HoconDefaults.Load()).Resolve());

    [Fact]
    public void An_empty_server_id_leaves_it_to_storage()
    {
        Assert.Null(Read("").Storage.ServerId);
    }

    [Fact]
    public void A_configured_server_id_reaches_storage()
    {
        var id = Guid.NewGuid();
        Assert.Equal(id, Read(id.ToString()).Storage.ServerId);
    }

    [Fact]
    public void A_server_id_that_is_not_a_guid_is_refused_with_a_sentence()
    {
        var error = Assert.Throws<NodeConfigurationException>(() => Read("node-a"));
        Assert.Contains("filesync.node.server-id 'node-a' is not a GUID", error.Message, StringComparison.Ordinal);
    }
}
