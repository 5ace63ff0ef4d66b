namespace FileSync.Acceptance.Support;

/// <summary>Polls a condition until it holds or a deadline passes; the failure names what was awaited.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(string what, Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        T last;
        while (true)
        {
            last = await probe();
            if (done(last)) return last;
            if (DateTime.UtcNow > deadline) break;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"Timed out waiting for {what}; last value: {Describe(last)}");
    }

    public static Task<bool> TrueAsync(string what, Func<Task<bool>> probe, TimeSpan? timeout = null) =>
        GetAsync(what, probe, ok => ok, timeout);

    private static string Describe<T>(T value) => value switch
    {
        null => "null",
        byte[] bytes => $"{bytes.Length} bytes",
        _ => value.ToString() ?? "?",
    };
}
