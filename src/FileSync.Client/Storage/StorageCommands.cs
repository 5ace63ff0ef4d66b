using FileSync.Client.Http;

namespace FileSync.Client.Storage;

/// <summary>The PLM-style <c>/storage</c> routes of a node (snake/lower-case JSON, <c>status</c> envelopes).</summary>
public sealed class StorageCommands
{
    internal StorageCommands(ServerConnection connection) => Synchronizers = new SynchronizerCommands(connection);

    /// <summary><c>/storage/synchronizers</c>: create, get, list.</summary>
    public SynchronizerCommands Synchronizers { get; }
}
