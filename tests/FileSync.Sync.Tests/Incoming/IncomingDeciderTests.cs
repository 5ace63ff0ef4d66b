using FileSync.Storage.Files;
using FileSync.Sync.Contracts;
using FileSync.Sync.Incoming;

namespace FileSync.Sync.Tests.Incoming;

/// <summary>Every branch of docs/sync-protocol.md "Deciding", first match wins.</summary>
public class IncomingDeciderTests
{
    private static readonly Guid A = Guid.Parse("aaaaaaaa-0000-0000-0000-000000000001");
    private static readonly Guid B = Guid.Parse("bbbbbbbb-0000-0000-0000-000000000002");
    private const string SourceUrl = "http://localhost:8080";
    private static readonly DateTimeOffset Noon = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static SynchronizationVersion V(long version, Guid server, params (long, Guid)[] history) =>
        new(version, server, history.Select(h => new HistoryItem(h.Item1, h.Item2)).ToList());

    private static LocalFileState Live(SynchronizationVersion version, DateTimeOffset? modified = null) => new(version, true, modified ?? Noon);

    private static IncomingVersion In(SynchronizationVersion version, DateTimeOffset? modified = null) => new(version, modified ?? Noon, SourceUrl);

    private static IncomingVerdict Decide(LocalFileState local, IncomingVersion incoming, bool locked = false, ConflictItem? conflict = null,
        ConflictResolutionPolicy policy = ConflictResolutionPolicy.None) =>
        IncomingDecider.Decide(local, incoming, locked, conflict, policy);

    [Fact]
    public void A_name_never_used_proceeds()
    {
        var verdict = Decide(LocalFileState.Absent, In(V(1, A)));
        Assert.Equal(new IncomingVerdict(IncomingDecision.Proceed, DecisionReason.NoLocalVersion), verdict);
    }

    [Fact]
    public void A_tombstone_the_incoming_version_descends_from_proceeds_even_when_locked()
    {
        var tombstone = new LocalFileState(V(2, B), IsLive: false, Noon);
        var verdict = Decide(tombstone, In(V(3, A, (2, B))), locked: true);
        Assert.Equal(DecisionReason.NoLocalVersion, verdict.Reason);
        Assert.True(verdict.Proceeds);
    }

    [Fact]
    public void A_locked_file_answers_locked_before_comparing_versions()
    {
        var verdict = Decide(Live(V(1, A)), In(V(1, A)), locked: true);
        Assert.Equal(new IncomingVerdict(IncomingDecision.Locked, DecisionReason.LockedByAnotherSync), verdict);
    }

    [Fact]
    public void The_same_version_is_already_had()
    {
        var verdict = Decide(Live(V(4, A, (3, A))), In(V(4, A, (3, A))));
        Assert.Equal(new IncomingVerdict(IncomingDecision.AlreadyHas, DecisionReason.SameVersion), verdict);
    }

    [Fact]
    public void A_tombstone_of_the_same_version_is_already_had()
    {
        var verdict = Decide(new LocalFileState(V(5, A), false, Noon), In(V(5, A)));
        Assert.Equal(IncomingDecision.AlreadyHas, verdict.Decision);
    }

    [Fact]
    public void An_ancestor_of_the_local_version_was_had_in_the_past()
    {
        var verdict = Decide(Live(V(7, B, (3, A))), In(V(3, A)));
        Assert.Equal(new IncomingVerdict(IncomingDecision.HadInPast, DecisionReason.IncomingIsInLocalHistory), verdict);
    }

    [Fact]
    public void A_descendant_of_the_local_version_proceeds()
    {
        var verdict = Decide(Live(V(3, A)), In(V(9, B, (3, A))));
        Assert.Equal(new IncomingVerdict(IncomingDecision.Proceed, DecisionReason.LocalIsInIncomingHistory), verdict);
    }

    [Fact]
    public void Concurrent_versions_conflict_when_no_policy_applies()
    {
        var verdict = Decide(Live(V(4, B, (3, A))), In(V(5, A, (3, A))));
        Assert.Equal(new IncomingVerdict(IncomingDecision.Conflict, DecisionReason.Conflict), verdict);
    }

    [Fact]
    public void A_conflict_resolved_with_remote_version_for_this_source_proceeds()
    {
        var conflict = new ConflictItem("/f", SourceUrl + "/", [], [], ResolveUsingRemote: true);
        var verdict = Decide(Live(V(4, B)), In(V(5, A)), conflict: conflict);
        Assert.Equal(new IncomingVerdict(IncomingDecision.Proceed, DecisionReason.ConflictResolvedUsingRemote), verdict);
    }

    [Fact]
    public void A_conflict_resolved_with_remote_version_for_another_source_still_conflicts()
    {
        var conflict = new ConflictItem("/f", "http://elsewhere:9000", [], [], ResolveUsingRemote: true);
        Assert.Equal(IncomingDecision.Conflict, Decide(Live(V(4, B)), In(V(5, A)), conflict: conflict).Decision);
    }

    [Fact]
    public void An_unresolved_conflict_record_does_not_let_the_remote_version_in()
    {
        var conflict = new ConflictItem("/f", SourceUrl, [], [], ResolveUsingRemote: false);
        Assert.Equal(IncomingDecision.Conflict, Decide(Live(V(4, B)), In(V(5, A)), conflict: conflict).Decision);
    }

    [Fact]
    public void Resolve_to_remote_proceeds()
    {
        var verdict = Decide(Live(V(4, B)), In(V(5, A)), policy: ConflictResolutionPolicy.ResolveToRemote);
        Assert.Equal(new IncomingVerdict(IncomingDecision.Proceed, DecisionReason.AutoResolvedToRemote), verdict);
    }

    [Fact]
    public void Resolve_to_local_keeps_the_local_version()
    {
        var verdict = Decide(Live(V(4, B)), In(V(5, A)), policy: ConflictResolutionPolicy.ResolveToLocal);
        Assert.Equal(new IncomingVerdict(IncomingDecision.HadInPast, DecisionReason.AutoResolvedToLocal), verdict);
    }

    [Fact]
    public void Resolve_to_latest_takes_a_later_remote_version()
    {
        var verdict = Decide(Live(V(4, B), Noon), In(V(5, A), Noon.AddMinutes(1)), policy: ConflictResolutionPolicy.ResolveToLatest);
        Assert.Equal(DecisionReason.AutoResolvedToRemote, verdict.Reason);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    public void Resolve_to_latest_keeps_a_local_version_that_is_as_late_or_later(int minutes)
    {
        var verdict = Decide(Live(V(4, B), Noon), In(V(5, A), Noon.AddMinutes(minutes)), policy: ConflictResolutionPolicy.ResolveToLatest);
        Assert.Equal(DecisionReason.AutoResolvedToLocal, verdict.Reason);
    }

    [Fact]
    public void Resolve_to_latest_without_a_remote_time_keeps_the_local_version()
    {
        var verdict = Decide(Live(V(4, B)), new IncomingVersion(V(5, A), null, SourceUrl), policy: ConflictResolutionPolicy.ResolveToLatest);
        Assert.Equal(DecisionReason.AutoResolvedToLocal, verdict.Reason);
    }

    [Fact]
    public void A_tombstone_concurrent_with_the_incoming_version_lets_it_recreate_the_file()
    {
        var verdict = Decide(new LocalFileState(V(4, B, (3, A)), false, Noon), In(V(5, A, (3, A))));
        Assert.Equal(new IncomingVerdict(IncomingDecision.Proceed, DecisionReason.NoLocalVersion), verdict);
    }

    [Fact]
    public void A_tombstone_that_descends_from_the_incoming_version_had_it_in_the_past()
    {
        var verdict = Decide(new LocalFileState(V(4, B, (3, A)), false, Noon), In(V(3, A)));
        Assert.Equal(IncomingDecision.HadInPast, verdict.Decision);
    }
}
