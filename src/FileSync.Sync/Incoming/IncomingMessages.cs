namespace FileSync.Sync.Incoming;

/// <summary>The sentences a destination answers with (the source copies them into its reports).</summary>
public static class IncomingMessages
{
    public static string Conflicted(string fileName) => $"File {fileName} is conflicted";

    public const string HadInPast = "Destination server had this file in the past";

    public static string AlreadyHas(string fileName) => $"Destination server already has file {fileName} in this version";

    public static string Locked(string fileName) => $"File {fileName} is being synchronized from another server right now; try again later";

    public static string ResolvedToLocal(string fileName) =>
        $"File {fileName} was in conflict and was resolved to the destination's version (FileConflictResolution)";

    public static string BaseChanged(string fileName) =>
        $"The destination's version of {fileName} changed while the delta was being received; try again";
}
