using FileSync.Sync.Contracts;

namespace FileSync.Sync.Notifications;

/// <summary>What happened to one file's synchronization (RavenFS <c>SynchronizationUpdateNotification</c>).</summary>
public enum SynchronizationAction { Enqueue, Start, Finish }

/// <summary>Whether this node sends the file (<c>Outgoing</c>) or receives it (<c>Incoming</c>).</summary>
public enum SynchronizationDirection { Outgoing, Incoming }

/// <summary>
/// Published on the event stream by both sides of synchronization; the notification hub forwards it to
/// subscribers of <c>/fs/{FileSystem}/synchronization</c>.
/// </summary>
/// <param name="FileSystem">The local file system.</param>
/// <param name="DestinationFileSystemUrl">The other end: <c>{url}/fs/{fs}</c> of the destination (outgoing) or of the source (incoming).</param>
public sealed record SynchronizationActivity(
    string FileSystem,
    string FileName,
    string DestinationFileSystemUrl,
    SynchronizationType Type,
    SynchronizationAction Action,
    SynchronizationDirection Direction);
