using System.Collections.Concurrent;
using FileSync.Storage.Files;
using FileSync.Sync.Contracts;

namespace FileSync.Sync.Incoming;

/// <summary>
/// The last result received for each file (the <c>Status</c> route), in memory: at most
/// <see cref="Capacity"/> files per node are remembered, the oldest forgotten first. RavenFS kept these
/// as config documents; they are a diagnostic, so losing them on restart costs nothing.
/// </summary>
public sealed class IncomingStatusBoard
{
    public const int Capacity = 10_000;
    private readonly ConcurrentDictionary<(string, string), SynchronizationReport> _reports = new();
    private readonly ConcurrentQueue<(string, string)> _order = new();

    public void Record(string fileSystem, SynchronizationReport report)
    {
        var key = Key(fileSystem, report.FileName);
        if (_reports.TryAdd(key, report)) _order.Enqueue(key);
        else _reports[key] = report;
        while (_reports.Count > Capacity && _order.TryDequeue(out var oldest)) _reports.TryRemove(oldest, out _);
    }

    public SynchronizationReport? Find(string fileSystem, string fileName) =>
        _reports.TryGetValue(Key(fileSystem, fileName), out var report) ? report : null;

    private static (string, string) Key(string fileSystem, string fileName) => (fileSystem.ToUpperInvariant(), FileName.Normalize(fileName));
}
