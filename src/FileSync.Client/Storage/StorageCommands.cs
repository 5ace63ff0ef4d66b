namespace FileSync.Client.Storage;

/// <summary>The PLM-style <c>/storage</c> routes of a node (snake/lower-case JSON, <c>status</c> envelopes).</summary>
public sealed class StorageCommands
{
    internal StorageCommands(string url, string? apiKey) => Synchronizers = new SynchronizerCommands(url, apiKey);

    /// <summary><c>/storage/synchronizers</c>: create, get, list.</summary>
    public SynchronizerCommands Synchronizers { get; }
}
