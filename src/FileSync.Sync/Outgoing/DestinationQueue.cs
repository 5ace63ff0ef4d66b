using FileSync.Sync.Contracts;

namespace FileSync.Sync.Outgoing;

/// <summary>
/// The state of one destination's synchronization, changed only by applying events (so replay rebuilds it
/// exactly): the FIFO pending queue, the runs holding slots, the works that failed and wait for the next pass,
/// the recent reports, how far local changes were listed and how far the destination confirmed.
/// Not thread-safe: it lives inside one <see cref="DestinationActor"/>.
/// </summary>
public sealed class DestinationQueue
{
    /// <summary>How many finished reports are kept for the <c>Finished</c> route.</summary>
    public const int FinishedKept = 200;

    private readonly List<SynchronizationWork> _pending = [];
    private readonly Dictionary<Guid, IReadOnlyList<SynchronizationWork>> _runs = [];
    private readonly List<SynchronizationWork> _failed = [];
    private readonly List<SynchronizationWork> _conflicted = [];
    private readonly LinkedList<SynchronizationReport> _finished = new();

    public IReadOnlyList<SynchronizationWork> Pending => _pending;
    public IReadOnlyList<SynchronizationWork> Failed => _failed;

    /// <summary>Works the destination found conflicted; they do not hold the confirmed ETag back.</summary>
    public IReadOnlyList<SynchronizationWork> Conflicted => _conflicted;
    public IEnumerable<SynchronizationWork> Active => _runs.Values.SelectMany(r => r);
    public IReadOnlyCollection<Guid> ActiveRuns => _runs.Keys;

    /// <summary>Newest first.</summary>
    public IEnumerable<SynchronizationReport> Finished => _finished;

    public int RunCount => _runs.Count;
    public long ListedUpTo { get; private set; }
    public long Confirmed { get; private set; }
    public Guid? DestinationServerId { get; private set; }

    /// <summary>False until the first contact with the destination (or any persisted state) tells where to start.</summary>
    public bool Identified => DestinationServerId is not null;

    public bool IsRunning(Guid runId) => _runs.ContainsKey(runId);

    public IReadOnlyList<SynchronizationWork> RunWorks(Guid runId) => _runs.TryGetValue(runId, out var works) ? works : [];

    /// <summary>
    /// Whether enqueueing <paramref name="work"/> would change the queue: not when an equal work is pending or
    /// running, nor when a newer work for the same file is pending or running.
    /// </summary>
    public bool Accepts(SynchronizationWork work) =>
        !_pending.Concat(Active).Any(w => w.IsForFile(work.FileName) && (w.SameAs(work) || w.SourceEtag > work.SourceEtag));

    public void Apply(IDestinationEvent @event)
    {
        switch (@event)
        {
            case WorkEnqueued e: Enqueue(e.Work); break;
            case WorkStarted e: Start(e.RunId, e.Works); break;
            case WorkFinished e: Finish(e.RunId, e.Outcomes); break;
            case ChangesListed e: ListedUpTo = Math.Max(ListedUpTo, e.UpTo); break;
            case DestinationConfirmed e: Confirmed = Math.Max(Confirmed, e.Etag); break;
            case DestinationIdentified e:
                DestinationServerId = e.ServerId;
                ListedUpTo = Math.Max(ListedUpTo, e.LastSourceFileEtag);
                Confirmed = Math.Max(Confirmed, e.LastSourceFileEtag);
                break;
            default: throw new ArgumentException($"{@event.GetType().Name} is not an event of a destination queue.", nameof(@event));
        }
    }

    /// <summary>
    /// After recovery: runs that were active when the node stopped never reported; their works go back to the
    /// front of the queue, in their order, and run again (the destination's decisions make a repeat harmless).
    /// </summary>
    public void RequeueInterruptedRuns()
    {
        var interrupted = _runs.Values.SelectMany(r => r).ToList();
        _runs.Clear();
        _pending.InsertRange(0, interrupted.Where(w => !_pending.Any(p => p.IsForFile(w.FileName) && p.SourceEtag >= w.SourceEtag)));
    }

    /// <summary>
    /// The runs to start with <paramref name="freeSlots"/> slots: works in FIFO order, except that small content
    /// works (size below <paramref name="smallFileLimit"/>) are gathered, up to <paramref name="maxBatch"/>, into one run.
    /// A file that is already running is not started twice at once.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<SynchronizationWork>> PlanRuns(int freeSlots, long smallFileLimit, int maxBatch)
    {
        var runs = new List<IReadOnlyList<SynchronizationWork>>();
        var taken = new HashSet<SynchronizationWork>(ReferenceEqualityComparer.Instance);
        var busyFiles = FilesTouched(Active);
        foreach (var work in _pending)
        {
            if (runs.Count >= freeSlots) break;
            if (taken.Contains(work) || busyFiles.Contains(work.FileName))
            {
                // A rename waiting its turn still holds its new name: the new name's work must not overtake it.
                busyFiles.UnionWith(FilesTouched([work]));
                continue;
            }
            if (work.Type == SynchronizationType.Rename) busyFiles.Add(work.NewName!);
            if (!IsSmall(work, smallFileLimit) || maxBatch <= 1)
            {
                runs.Add([work]);
                taken.Add(work);
                busyFiles.Add(work.FileName);
                continue;
            }
            var batch = new List<SynchronizationWork>();
            foreach (var candidate in _pending)
            {
                if (batch.Count >= maxBatch) break;
                if (candidate.Type == SynchronizationType.Rename) busyFiles.Add(candidate.NewName!);
                if (taken.Contains(candidate) || busyFiles.Contains(candidate.FileName) || !IsSmall(candidate, smallFileLimit)) continue;
                batch.Add(candidate);
                taken.Add(candidate);
                busyFiles.Add(candidate.FileName);
            }
            runs.Add(batch);
        }
        return runs;
    }

    /// <summary>
    /// The highest ETag such that every work at or below it has finished: one below the oldest work still
    /// pending, running or waiting to be retried, and never above what has been listed.
    /// </summary>
    public long ComputeConfirmed()
    {
        var outstanding = _pending.Concat(Active).Concat(_failed).Select(w => w.SourceEtag).DefaultIfEmpty(long.MaxValue).Min();
        return Math.Min(ListedUpTo, outstanding == long.MaxValue ? long.MaxValue : outstanding - 1);
    }

    public DestinationSnapshot ToSnapshot()
    {
        var pending = Active.Concat(_pending).ToList();
        return new DestinationSnapshot(pending, _failed.ToList(), _finished.ToList(), _conflicted.ToList(), ListedUpTo, Confirmed, DestinationServerId);
    }

    public void Restore(DestinationSnapshot snapshot)
    {
        _pending.Clear();
        _pending.AddRange(snapshot.Pending);
        _runs.Clear();
        _failed.Clear();
        _failed.AddRange(snapshot.Failed);
        _conflicted.Clear();
        _conflicted.AddRange(snapshot.Conflicted ?? []);
        _finished.Clear();
        foreach (var report in snapshot.Finished) _finished.AddLast(report);
        ListedUpTo = snapshot.ListedUpTo;
        Confirmed = snapshot.Confirmed;
        DestinationServerId = snapshot.DestinationServerId;
    }

    /// <summary>The names a work changes on the destination: its file, and for a rename the new name too.</summary>
    public static HashSet<string> FilesTouched(IEnumerable<SynchronizationWork> works)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var work in works)
        {
            names.Add(work.FileName);
            if (work.NewName is not null) names.Add(work.NewName);
        }
        return names;
    }

    private static bool IsSmall(SynchronizationWork work, long limit) =>
        work.Type == SynchronizationType.ContentUpdate && work.Size < limit;

    private void Enqueue(SynchronizationWork work)
    {
        if (!Accepts(work)) return;
        // A failed work that this one equals or supersedes is no longer owed separately.
        _failed.RemoveAll(f => f.IsForFile(work.FileName) && f.SourceEtag <= work.SourceEtag);
        _conflicted.RemoveAll(f => f.IsForFile(work.FileName) && f.SourceEtag <= work.SourceEtag);
        if (work.Type == SynchronizationType.Delete)
        {
            // A delete makes every older change of its file pointless.
            _pending.RemoveAll(p => p.IsForFile(work.FileName));
            _pending.Add(work);
            return;
        }
        var older = _pending.FindIndex(p => p.IsForFile(work.FileName));
        if (older >= 0)
        {
            // The newer change replaces the older one and keeps its place in line.
            _pending[older] = work;
            return;
        }
        _pending.Add(work);
    }

    private void Start(Guid runId, IReadOnlyList<SynchronizationWork> works)
    {
        // On replay, a run interrupted by a crash never finished; its works restarting in a new run retire it.
        foreach (var (id, running) in _runs.ToList())
        {
            var left = running.Where(r => !works.Any(w => w.SameAs(r))).ToList();
            if (left.Count == 0) _runs.Remove(id);
            else if (left.Count != running.Count) _runs[id] = left;
        }
        foreach (var work in works)
        {
            var index = _pending.FindIndex(p => p.SameAs(work));
            if (index >= 0) _pending.RemoveAt(index);
        }
        _runs[runId] = works;
    }

    private void Finish(Guid runId, IReadOnlyList<WorkOutcome> outcomes)
    {
        _runs.Remove(runId);
        foreach (var outcome in outcomes)
        {
            if (outcome.Report is not null)
            {
                _finished.AddFirst(outcome.Report);
                if (_finished.Count > FinishedKept) _finished.RemoveLast();
            }
            var superseded = _pending.Any(p => p.IsForFile(outcome.Work.FileName) && p.SourceEtag >= outcome.Work.SourceEtag)
                || _failed.Any(f => f.IsForFile(outcome.Work.FileName) && f.SourceEtag >= outcome.Work.SourceEtag);
            if (superseded) continue;
            if (outcome.Retry) _failed.Add(outcome.Work);
            else if (outcome.Conflicted) _conflicted.Add(outcome.Work with { AfterConflict = true });
        }
    }
}
