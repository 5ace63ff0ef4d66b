namespace FileSync.Persistence.Sql;

/// <summary>Tags are stored in one text column, separated by commas (so a tag may not contain one).</summary>
internal static class TagsCodec
{
    public static object Encode(IReadOnlyList<string>? tags)
    {
        if (tags is null || tags.Count == 0) return DBNull.Value;
        foreach (var tag in tags)
        {
            if (string.IsNullOrEmpty(tag) || tag.Contains(',', StringComparison.Ordinal))
            {
                throw new ArgumentException($"Event tag '{tag}' is invalid: tags must be non-empty and contain no comma.");
            }
        }
        return string.Join(',', tags);
    }

    public static IReadOnlyList<string>? Decode(object value) =>
        value is string s && s.Length > 0 ? s.Split(',') : null;
}
