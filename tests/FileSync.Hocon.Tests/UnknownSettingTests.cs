namespace FileSync.Hocon.Tests;

public sealed class UnknownSettingTests
{
    [Fact]
    public void Misspelled_keys_under_filesync_are_reported_with_their_position()
    {
        var file = Hocon.ParseString("""
            helpers.anything = 1
            filesync {
              nod.url = "http://x"
              node.urll = "http://y"
              node.url = "http://z"
              file-systems = [ { name = A, free-form = 1 } ]
              storage.remote { url = "", api-keyy = "" }
            }
            """, "node.conf");

        var unknown = HoconDefaults.FindUnknownSettings(file);

        Assert.Equal(["filesync.nod", "filesync.node.urll", "filesync.storage.remote.api-keyy"], unknown.Select(u => u.Path));
        Assert.Equal(new SourcePosition("node.conf", 4, 15), unknown[1].Position);
        Assert.StartsWith("node.conf:4:15: 'filesync.node.urll' is not a setting of hocon/filesync.conf", unknown[1].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_node_files_use_only_known_settings()
    {
        foreach (var path in Directory.GetFiles(RepoFolder.Hocon, "*.conf"))
        {
            Assert.Empty(HoconDefaults.FindUnknownSettings(Hocon.ParseFile(path)));
        }
    }
}
