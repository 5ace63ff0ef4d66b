namespace FileSync.Storage.Chunking.Blake3;

/// <summary>
/// One BLAKE3 chunk (up to 1 KiB of one piece) waiting for its lane. Its blocks are read in place from
/// <see cref="Start"/>, except the last, which is a zero-padded copy when the piece ends inside it.
/// </summary>
internal unsafe struct ChunkJob
{
    public byte* Start;
    public byte* LastBlock;
    public int LastBlockIndex;
    public uint LastBlockLength;
    /// <summary>The chunk's index inside its piece (low word): the counters restart at 0 for every piece.</summary>
    public uint Counter;
    /// <summary>The high word of the chunk index: non-zero only in contents beyond 4 TiB (<see cref="Blake3Incremental"/>).</summary>
    public uint CounterHigh;
    /// <summary>ROOT when this chunk is the whole piece, so its chaining value is the piece's hash.</summary>
    public uint FinalFlags;
    /// <summary>Where its chaining value goes: words <c>8·Slot ..</c> of the chaining-value table.</summary>
    public int Slot;
}

/// <summary>
/// One BLAKE3 parent: its block is the two child chaining values at slots <see cref="Left"/> and Left + 1,
/// already adjacent in the table; its chaining value goes to <see cref="Output"/>.
/// </summary>
internal struct ParentJob
{
    public int Left;
    public int Output;
    public uint Flags;
}
