namespace FileSync.Persistence.Journal;

/// <summary>
/// One stored event as the journal sees it: already serialized, with its position in the stream of
/// <paramref name="PersistenceId"/>. <paramref name="Writer"/> names who wrote it (identity and fencing number).
/// </summary>
public sealed record PersistentRepr(
    string PersistenceId,
    long SequenceNr,
    string Manifest,
    byte[] Payload,
    string Writer,
    DateTimeOffset Created,
    IReadOnlyList<string>? Tags = null);
