using FileSync.Persistence.Journal;

namespace FileSync.Persistence.Tests.Stores;

/// <summary>Builds journal rows for store-level tests.</summary>
internal static class Events
{
    public static PersistentRepr Repr(string id, long nr, string text = "e", string writer = "test#0", IReadOnlyList<string>? tags = null) =>
        new(id, nr, "test-event", System.Text.Encoding.UTF8.GetBytes($"{text}{nr}"), writer, DateTimeOffset.UtcNow, tags);

    public static AtomicWrite Write(string id, long from, long to) =>
        new(Enumerable.Range((int)from, (int)(to - from + 1)).Select(n => Repr(id, n)).ToList());

    public static string NewId(string prefix = "pid") => $"{prefix}-{Guid.NewGuid():N}";

    public static async Task<List<PersistentRepr>> ReplayAllAsync(this IJournal journal, string id)
    {
        var list = new List<PersistentRepr>();
        await foreach (var e in journal.ReplayAsync(id, 1, long.MaxValue)) list.Add(e);
        return list;
    }
}
