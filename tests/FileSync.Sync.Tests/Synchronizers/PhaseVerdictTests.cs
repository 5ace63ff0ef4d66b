using FileSync.Sync.Contracts;
using FileSync.Sync.Synchronizers;

namespace FileSync.Sync.Tests.Synchronizers;

public sealed class PhaseVerdictTests
{
    private static SynchronizationReport Report(string name, string? error, string type = "SynchronizationException") =>
        SynchronizationReport.NoContent(name, null, SynchronizationType.ContentUpdate, error is null ? null : new ReportedException(error, type));

    private static DestinationSyncResult Result(params SynchronizationReport[] reports) => new("http://b:8081", "Slave", reports, null);

    [Fact]
    public void Conflicted_and_already_had_reports_complete_the_phase_and_name_the_conflicted_files()
    {
        var verdict = PhaseVerdict.Of(Result(
            Report("/ok.txt", null),
            Report("/c.txt", "File /c.txt is conflicted"),
            Report("/past.txt", "Destination server had this file in the past"),
            Report("/has.txt", "Destination server already has file /has.txt in this version")));

        Assert.False(verdict.Failed);
        Assert.Equal(["/c.txt"], verdict.Conflicts);
    }

    [Fact]
    public void A_transfer_failure_in_a_report_makes_the_phase_an_error_naming_the_file()
    {
        var verdict = PhaseVerdict.Of(Result(Report("/x.bin", "Connection refused", "HttpRequestException")));

        Assert.True(verdict.Failed);
        Assert.Contains("/x.bin: Connection refused", verdict.Error);
    }

    [Fact]
    public void A_result_exception_means_the_remote_could_not_be_worked_on()
    {
        var verdict = PhaseVerdict.Of(new DestinationSyncResult("http://b:8081", "Slave", null, new ReportedException("Connection refused (b:8081)", "HttpRequestException")));

        Assert.True(verdict.Failed);
        Assert.Equal("http://b:8081/fs/Slave: Connection refused (b:8081)", verdict.Error);
    }

    [Fact]
    public void Nothing_to_do_is_a_completed_phase_without_conflicts()
    {
        var verdict = PhaseVerdict.Of(new DestinationSyncResult("http://b:8081", "Slave", null, null));

        Assert.False(verdict.Failed);
        Assert.Empty(verdict.Conflicts);
    }
}
