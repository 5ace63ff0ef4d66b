namespace FileSync.Client;

/// <summary>How to resolve a conflict by hand: keep this node's version, or accept the incoming one.</summary>
public enum ConflictResolutionStrategy
{
    CurrentVersion,
    RemoteVersion,
}
