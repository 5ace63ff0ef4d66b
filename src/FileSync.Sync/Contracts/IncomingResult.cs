namespace FileSync.Sync.Contracts;

/// <summary>A destination's answer for one file of <c>incoming/content|metadata|delete|rename</c>.</summary>
/// <param name="Etag">The destination's ETag of the committed change (RavenFS string form); null when nothing was committed.</param>
/// <param name="Message">A sentence for anything but <see cref="IncomingDecision.Applied"/> (e.g. "File /a.txt is conflicted").</param>
public sealed record IncomingResult(string FileName, IncomingDecision Decision, string? Etag, string? Message)
{
    public static IncomingResult Applied(string fileName, string etag) => new(fileName, IncomingDecision.Applied, etag, null);
}

/// <summary>The answer of <c>incoming/content</c>: one result per file of the delta stream, in stream order.</summary>
public sealed record IncomingContentAnswer(IReadOnlyList<IncomingResult> Files);
