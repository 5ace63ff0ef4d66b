using System.Buffers.Binary;
using System.Security.Cryptography;

namespace FileSync.Storage.Chunking;

/// <summary>The SHA-256 of a chunk's bytes: its identity in the chunk store. A value type, cheap to compare and hash.</summary>
public readonly record struct ChunkHash(ulong P0, ulong P1, ulong P2, ulong P3)
{
    public const int Size = 32;

    public static ChunkHash Compute(ReadOnlySpan<byte> data)
    {
        Span<byte> digest = stackalloc byte[Size];
        SHA256.HashData(data, digest);
        return FromBytes(digest);
    }

    public static ChunkHash FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size) throw new ArgumentException($"A chunk hash is {Size} bytes; got {bytes.Length}.", nameof(bytes));
        return new ChunkHash(
            BinaryPrimitives.ReadUInt64BigEndian(bytes),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]));
    }

    public static ChunkHash Parse(string hex)
    {
        if (hex is null || hex.Length != Size * 2) throw new FormatException($"A chunk hash is {Size * 2} hex digits.");
        return FromBytes(Convert.FromHexString(hex));
    }

    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, P0);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], P1);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], P2);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], P3);
    }

    public byte[] ToBytes()
    {
        var bytes = new byte[Size];
        WriteTo(bytes);
        return bytes;
    }

    public override string ToString() => Convert.ToHexStringLower(ToBytes());
}

/// <summary>One chunk of a file version: its hash, where it starts in the file, and its length.</summary>
public readonly record struct ChunkRef(ChunkHash Hash, long Offset, int Length)
{
    public long End => Offset + Length;
}
