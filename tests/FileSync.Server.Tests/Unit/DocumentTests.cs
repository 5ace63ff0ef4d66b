using System.Text.Json;
using FileSync.Server.Documents;
using FileSync.Server.Http;

namespace FileSync.Server.Tests.Unit;

public sealed class DocumentTests
{
    [Fact]
    public void Destinations_are_read_case_insensitively_and_written_in_ravenfs_shape()
    {
        var doc = DestinationsDocument.FromJson(LenientJson.Parse(
            "{'destinations':[{'serverUrl':'http://localhost:8081/','fileSystem':'SlaveNorthwindFS','Username':'u'}]}"));
        var d = Assert.Single(doc.Destinations);
        Assert.Equal("http://localhost:8081", d.ServerUrl);
        Assert.True(d.Enabled);
        using var json = JsonDocument.Parse(doc.ToJson());
        var first = json.RootElement.GetProperty("Destinations")[0];
        Assert.Equal("SlaveNorthwindFS", first.GetProperty("FileSystem").GetString());
        Assert.Equal("u", first.GetProperty("Username").GetString());
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{'Destinations':5}")]
    [InlineData("{'Destinations':[{'FileSystem':'X'}]}")]
    [InlineData("{'Destinations':[{'ServerUrl':'not a url','FileSystem':'X'}]}")]
    [InlineData("{'Destinations':[{'ServerUrl':'http://h','FileSystem':'../x'}]}")]
    [InlineData("{'Destinations':[{'ServerUrl':'http://h','FileSystem':'X','Enabled':'yes'}]}")]
    public void Bad_destinations_are_rejected_with_a_sentence(string text)
    {
        var e = Assert.Throws<BadRequestException>(() => DestinationsDocument.FromJson(LenientJson.Parse(text)));
        Assert.EndsWith(".", e.Message);
    }

    [Fact]
    public void Sync_config_defaults_fill_missing_properties_and_enums_are_names()
    {
        var config = SynchronizationConfigDocument.FromJson(LenientJson.Parse("{'FileConflictResolution':'resolvetolatest'}"));
        Assert.Equal(FileConflictResolution.ResolveToLatest, config.FileConflictResolution);
        Assert.Equal(5, config.MaxNumberOfSynchronizationsPerDestination);
        Assert.Contains("\"FileConflictResolution\":\"ResolveToLatest\"", config.ToJson(), StringComparison.Ordinal);
        Assert.Contains("\"SynchronizationLockTimeoutMiliseconds\":600000", config.ToJson(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{'FileConflictResolution':'Sometimes'}")]
    [InlineData("{'MaxNumberOfSynchronizationsPerDestination':0}")]
    [InlineData("{'MaxNumberOfSynchronizationsPerDestination':'five'}")]
    [InlineData("{'SynchronizationLockTimeoutMiliseconds':-1}")]
    public void Bad_sync_config_is_rejected(string text) =>
        Assert.Throws<BadRequestException>(() => SynchronizationConfigDocument.FromJson(LenientJson.Parse(text)));
}
