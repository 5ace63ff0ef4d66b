using FileSync.Sync.Synchronizers;

namespace FileSync.Sync.Tests.Synchronizers;

public sealed class SynchronizerIdTests
{
    [Fact]
    public void Id_text_is_dollar_push_plus_pull_and_parses_back()
    {
        var id = SynchronizerId.New();
        var text = id.ToString();

        Assert.Equal($"${id.Push:D}+{id.Pull:D}", text);
        Assert.Equal($"${id.Push:D}", id.PushText);
        Assert.True(SynchronizerId.TryParse(text, out var parsed));
        Assert.Equal(id, parsed);
        // A '+' decoded as a space by a form decoder still names the same synchronizer.
        Assert.True(SynchronizerId.TryParse(text.Replace('+', ' '), out var spaced));
        Assert.Equal(id, spaced);
    }

    [Theory]
    [InlineData("")]
    [InlineData("$nope")]
    [InlineData("$ee8370c0-be09-445c-b7f4-4cba853150ed")]
    [InlineData("$ee8370c0-be09-445c-b7f4-4cba853150ed+x")]
    public void Malformed_ids_do_not_parse(string text) => Assert.False(SynchronizerId.TryParse(text, out _));
}
