using System.Globalization;

namespace FileSync.Server.Http;

/// <summary>One satisfiable byte range of a file: <see cref="From"/>..<see cref="To"/> inclusive.</summary>
public readonly record struct ByteRange(long From, long To)
{
    public long Length => To - From + 1;

    /// <summary>
    /// Reads a <c>Range</c> header against a file of <paramref name="size"/> bytes. Returns
    /// <see cref="RangeRequest.Whole"/> when there is no header or it asks for several ranges or
    /// another unit (serving the whole file is always allowed), <see cref="RangeRequest.Unsatisfiable"/>
    /// when the range lies outside the file, else the single range.
    /// </summary>
    public static (RangeRequest Kind, ByteRange Range) Parse(string? header, long size)
    {
        if (string.IsNullOrWhiteSpace(header)) return (RangeRequest.Whole, default);
        var text = header.Trim();
        if (!text.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase)) return (RangeRequest.Whole, default);
        var spec = text[6..].Trim();
        if (spec.Contains(',')) return (RangeRequest.Whole, default);
        var dash = spec.IndexOf('-');
        if (dash < 0) return (RangeRequest.Invalid, default);
        var first = spec[..dash].Trim();
        var last = spec[(dash + 1)..].Trim();
        if (first.Length == 0)
        {
            // "bytes=-N": the last N bytes.
            if (!TryParse(last, out var suffix)) return (RangeRequest.Invalid, default);
            if (suffix == 0 || size == 0) return (RangeRequest.Unsatisfiable, default);
            return (RangeRequest.Partial, new ByteRange(Math.Max(0, size - suffix), size - 1));
        }
        if (!TryParse(first, out var from)) return (RangeRequest.Invalid, default);
        long to;
        if (last.Length == 0) to = size - 1;
        else if (!TryParse(last, out to) || to < from) return (RangeRequest.Invalid, default);
        if (from >= size) return (RangeRequest.Unsatisfiable, default);
        return (RangeRequest.Partial, new ByteRange(from, Math.Min(to, size - 1)));
    }

    private static bool TryParse(string text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}

public enum RangeRequest
{
    Whole,
    Partial,
    Unsatisfiable,
    Invalid,
}
