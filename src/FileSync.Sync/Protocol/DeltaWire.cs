namespace FileSync.Sync.Protocol;

/// <summary>Constants of the delta stream's binary framing (little-endian integers).</summary>
internal static class DeltaWire
{
    public const string ContentType = "application/vnd.filesync.delta";

    /// <summary>"FSD1": the stream's first four bytes, so a wrong body fails at once.</summary>
    public static ReadOnlySpan<byte> Magic => "FSD1"u8;

    public const byte FileStart = (byte)'F';
    public const byte CopyRun = (byte)'C';
    public const byte Reference = (byte)'R';
    public const byte Data = (byte)'D';
    public const byte FileEnd = (byte)'E';
    public const byte StreamEnd = (byte)'Z';

    public const int MaxHeaderBytes = 1 << 20;
    public const int MaxChunkBytes = 16 << 20;
}
