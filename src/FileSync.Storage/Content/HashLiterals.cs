using System.Text;
using FileSync.Storage.Chunking;

namespace FileSync.Storage.Content;

/// <summary>
/// Chunk hashes written into SQL as blob literals, for <c>hash IN (…)</c> lookups of hundreds of hashes. Named
/// parameters cost quadratic time there: SQLite resolves each name by scanning the list of names (when parsing
/// and again when binding), which took more CPU than the lookups themselves at 512 hashes per query. Hashes are
/// bytes we hold, printed as hex digits, so nothing from outside reaches the SQL text.
/// </summary>
internal static class HashLiterals
{
    /// <summary>A comma-separated list of the hashes as blob literals of <paramref name="provider"/>'s dialect.</summary>
    public static string InList(StorageProvider provider, IReadOnlyList<ChunkHash> hashes)
    {
        var (prefix, suffix) = provider == StorageProvider.PostgreSql ? ("'\\x", "'::bytea") : ("X'", "'");
        var text = new StringBuilder(hashes.Count * (ChunkHash.Size * 2 + prefix.Length + suffix.Length + 2));
        Span<byte> bytes = stackalloc byte[ChunkHash.Size];
        for (var i = 0; i < hashes.Count; i++)
        {
            if (i > 0) text.Append(", ");
            hashes[i].WriteTo(bytes);
            text.Append(prefix).Append(Convert.ToHexString(bytes)).Append(suffix);
        }
        return text.ToString();
    }
}
