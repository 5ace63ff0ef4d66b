namespace FileSync.Kernel;

/// <summary>One node of the actor tree as seen at one moment (see <see cref="ActorSystem.Snapshot"/>).</summary>
/// <param name="MailboxDepth">User messages waiting (approximate: the actor keeps running while it is read).</param>
public sealed record ActorInfo(string Path, string ActorType, int MailboxDepth, IReadOnlyList<ActorInfo> Children);
