namespace FileSync.Sync.Notifications;

/// <summary>A conflict was found on this node or resolved.</summary>
public enum ConflictStatus { Detected, Resolved }

/// <summary>Published on the event stream when a conflict is recorded or resolved; forwarded to <c>/fs/{FileSystem}/synchronization</c>.</summary>
public sealed record ConflictActivity(string FileSystem, string FileName, string SourceServerUrl, ConflictStatus Status);
