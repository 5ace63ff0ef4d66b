using FileSync.Sync.Incoming;

namespace FileSync.Sync.Tests.Incoming;

public class IncomingSettingsTests
{
    [Fact]
    public void No_document_means_no_automatic_resolution_and_ten_minute_locks()
    {
        Assert.Equal(IncomingSettings.Default, IncomingSettings.Parse(null));
        Assert.Equal(TimeSpan.FromMilliseconds(600_000), IncomingSettings.Default.LockTimeout);
        Assert.Equal(ConflictResolutionPolicy.None, IncomingSettings.Default.ConflictResolution);
    }

    [Fact]
    public void The_document_sets_policy_by_name_or_number_and_the_lock_timeout()
    {
        var named = IncomingSettings.Parse("""{"FileConflictResolution":"ResolveToLatest","MaxNumberOfSynchronizationsPerDestination":5,"SynchronizationLockTimeoutMiliseconds":1500}""");
        Assert.Equal(new IncomingSettings(ConflictResolutionPolicy.ResolveToLatest, TimeSpan.FromMilliseconds(1500)), named);
        Assert.Equal(ConflictResolutionPolicy.ResolveToRemote, IncomingSettings.Parse("""{"FileConflictResolution":2}""").ConflictResolution);
    }

    [Theory]
    [InlineData("""{"FileConflictResolution":"Sometimes"}""")]
    [InlineData("""{"FileConflictResolution":42}""")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    public void Unreadable_values_keep_the_defaults(string json) =>
        Assert.Equal(ConflictResolutionPolicy.None, IncomingSettings.Parse(json).ConflictResolution);
}
