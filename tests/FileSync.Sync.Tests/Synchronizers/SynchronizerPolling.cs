using FileSync.Sync.Synchronizers;

namespace FileSync.Sync.Tests.Synchronizers;

/// <summary>What the synchronizer tests share: one storage link, and reading a synchronizer back until it reaches a state.</summary>
internal static class SynchronizerPolling
{
    public static readonly StorageLink Link = new("Local", "http://remote:8081", "Remote", null, "http://local:8080");

    /// <summary>GETs the synchronizer every 20 ms until <paramref name="condition"/> holds; a timeout says the state it is stuck in.</summary>
    public static async Task<SynchronizerView> Until(StorageSynchronizers synchronizers, string id, Func<SynchronizerView, bool> condition, TimeSpan wait)
    {
        var until = DateTime.UtcNow + wait;
        while (true)
        {
            var view = await synchronizers.GetAsync(id) ?? throw new InvalidOperationException($"{id} is not found.");
            if (condition(view)) return view;
            if (DateTime.UtcNow > until) throw new TimeoutException($"{id} is still {view.State} (push {view.Push.State}, pull {view.Pull.State}).");
            await Task.Delay(20);
        }
    }
}
