using System.Buffers.Binary;
using FileSync.Storage.Chunking;

namespace FileSync.Storage.Content;

/// <summary>
/// One row of <c>storage_chunk_lists</c>: a run of up to <see cref="ChunkListRows.MaxEntries"/> consecutive
/// entries of a content's chunk list, packed into one blob, starting at <paramref name="StartOffset"/> in the file.
/// <paramref name="Locations"/>, when known, says where each entry's bytes are in the pack files (see
/// <see cref="ChunkListRows.WithPackLocations"/>), so a reader needs no index lookup.
/// </summary>
internal sealed record ChunkListRow(long StartOffset, byte[] Entries, byte[]? Locations = null)
{
    public int Count => Entries.Length / ChunkListRows.EntrySize;
}

/// <summary>
/// How a content's ordered chunk list is stored: packed runs instead of one row per chunk. A 1 GiB file has
/// ~130,000 chunks; one row per chunk cost a B-tree insert (and its WAL pages) each, the packed form ~260 rows.
/// An entry is the chunk's hash (32 bytes) and its length (4 bytes, little-endian); offsets are not stored
/// (they follow from the row's start offset and the lengths before the entry).
/// </summary>
internal static class ChunkListRows
{
    public const int EntrySize = ChunkHash.Size + sizeof(int);

    /// <summary>Entries per row: ~18 KiB blobs, small enough to read whole when a reader seeks, big enough to keep rows few.</summary>
    public const int MaxEntries = 512;

    /// <summary>Packs consecutive chunks (hash, length) starting at <paramref name="startOffset"/> into rows of at most <see cref="MaxEntries"/>.</summary>
    public static List<ChunkListRow> Pack<T>(IReadOnlyList<T> chunks, Func<T, (ChunkHash Hash, int Length)> entry, long startOffset)
    {
        var rows = new List<ChunkListRow>((chunks.Count + MaxEntries - 1) / MaxEntries);
        var offset = startOffset;
        for (var first = 0; first < chunks.Count; first += MaxEntries)
        {
            var count = Math.Min(MaxEntries, chunks.Count - first);
            var bytes = new byte[count * EntrySize];
            var rowStart = offset;
            for (var i = 0; i < count; i++)
            {
                var (hash, length) = entry(chunks[first + i]);
                if (length <= 0) throw new ArgumentException($"A chunk at offset {offset} has length {length}; chunks are never empty.", nameof(chunks));
                var target = bytes.AsSpan(i * EntrySize, EntrySize);
                hash.WriteTo(target);
                BinaryPrimitives.WriteInt32LittleEndian(target[ChunkHash.Size..], length);
                offset += length;
            }
            rows.Add(new ChunkListRow(rowStart, bytes));
        }
        return rows;
    }

    /// <summary>The entries of one row as chunk references with their file offsets, appended to <paramref name="into"/>.</summary>
    public static void Unpack(ChunkListRow row, List<ChunkRef> into)
    {
        if (row.Entries.Length % EntrySize != 0)
            throw new InvalidDataException($"A chunk list row at offset {row.StartOffset} is {row.Entries.Length} bytes, not a multiple of {EntrySize}; the chunk list is damaged.");
        var offset = row.StartOffset;
        var entries = row.Entries.AsSpan();
        for (var at = 0; at < entries.Length; at += EntrySize)
        {
            var hash = ChunkHash.FromBytes(entries.Slice(at, ChunkHash.Size));
            var length = BinaryPrimitives.ReadInt32LittleEndian(entries.Slice(at + ChunkHash.Size, sizeof(int)));
            into.Add(new ChunkRef(hash, offset, length));
            offset += length;
        }
    }

    /// <summary>Bytes per entry of <see cref="ChunkListRow.Locations"/>: pack id and offset in the pack, 64-bit little-endian each.</summary>
    public const int LocationSize = 2 * sizeof(long);

    /// <summary>
    /// The row with the pack location of every entry, when <paramref name="locate"/> knows them all (chunks an
    /// upload batch just wrote to a pack); otherwise the row as it was, and readers look the locations up. A
    /// location never goes stale while the row exists: packs are append-only and never rewritten, and collection
    /// keeps every pack that a chunk index row or a row's locations name (<see cref="PackFiles.DeleteUnusedAsync"/>).
    /// </summary>
    public static ChunkListRow WithPackLocations(ChunkListRow row, Func<ChunkHash, (long PackId, long PackOffset)?> locate)
    {
        var locations = new byte[row.Count * LocationSize];
        for (var i = 0; i < row.Count; i++)
        {
            if (locate(ChunkHash.FromBytes(row.Entries.AsSpan(i * EntrySize, ChunkHash.Size))) is not { } at) return row;
            BinaryPrimitives.WriteInt64LittleEndian(locations.AsSpan(i * LocationSize), at.PackId);
            BinaryPrimitives.WriteInt64LittleEndian(locations.AsSpan(i * LocationSize + sizeof(long)), at.PackOffset);
        }
        return row with { Locations = locations };
    }

    /// <summary>The pack locations of a row's entries (see <see cref="WithPackLocations"/>), appended to <paramref name="into"/>.</summary>
    public static void UnpackLocations(ChunkListRow row, List<(long PackId, long PackOffset)> into)
    {
        var locations = row.Locations ?? throw new ArgumentException("The row carries no pack locations.", nameof(row));
        if (locations.Length != row.Count * LocationSize)
            throw new InvalidDataException($"A chunk list row at offset {row.StartOffset} has {locations.Length} bytes of locations for {row.Count} entries; the chunk list is damaged.");
        for (var at = 0; at < locations.Length; at += LocationSize)
            into.Add((BinaryPrimitives.ReadInt64LittleEndian(locations.AsSpan(at)), BinaryPrimitives.ReadInt64LittleEndian(locations.AsSpan(at + sizeof(long)))));
    }

    /// <summary>The pack ids a row's <see cref="ChunkListRow.Locations"/> name, added to <paramref name="into"/> (collection keeps those packs).</summary>
    public static void AddPackIds(byte[] locations, HashSet<long> into)
    {
        for (var at = 0; at + LocationSize <= locations.Length; at += LocationSize)
            into.Add(BinaryPrimitives.ReadInt64LittleEndian(locations.AsSpan(at)));
    }

    /// <summary>Only the hashes of one row (collection's "listed hashes" set), appended to <paramref name="into"/>.</summary>
    public static void UnpackHashes(byte[] entries, List<ChunkHash> into)
    {
        for (var at = 0; at + EntrySize <= entries.Length; at += EntrySize)
            into.Add(ChunkHash.FromBytes(entries.AsSpan(at, ChunkHash.Size)));
    }
}
