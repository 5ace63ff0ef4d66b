namespace FileSync.Hocon;

/// <summary>The HOCON rules for a key defined twice: objects merge, anything else replaces, unresolved values stack up.</summary>
internal static class Merging
{
    /// <summary>The value of a key after <paramref name="later"/> is written over <paramref name="earlier"/> (null: first definition).</summary>
    public static HoconValue Define(HoconValue? earlier, HoconValue later)
    {
        if (earlier is null)
        {
            return NeedsResolution(later) ? new HoconMergeStack([later]) : later;
        }

        return later switch
        {
            HoconObject laterObject when earlier is HoconObject earlierObject => MergeObjects(earlierObject, laterObject),
            HoconObject laterObject when earlier is HoconMergeStack stack => new HoconMergeStack([.. stack.Definitions, laterObject]),
            HoconMergeStack laterStack => new HoconMergeStack([.. DefinitionsOf(earlier), .. laterStack.Definitions]),
            _ when NeedsResolution(later) => new HoconMergeStack([.. DefinitionsOf(earlier), later]),
            _ => later,
        };
    }

    /// <summary>A new object with the fields of both; <paramref name="later"/> wins on conflicts, key order is first-seen.</summary>
    public static HoconObject MergeObjects(HoconObject earlier, HoconObject later)
    {
        var merged = new HoconObject(later.Position);
        foreach (var (key, value) in earlier.Fields)
        {
            merged.Set(key, value);
        }

        foreach (var (key, value) in later.Fields)
        {
            merged.Define(key, value);
        }

        return merged;
    }

    /// <summary>Merges two resolved objects: fields of <paramref name="over"/> win, nested objects merge.</summary>
    public static HoconObject MergeResolved(HoconObject over, HoconObject fallback)
    {
        var merged = new HoconObject(over.Position);
        foreach (var (key, value) in fallback.Fields)
        {
            merged.Set(key, value);
        }

        foreach (var (key, value) in over.Fields)
        {
            merged.Set(key, value is HoconObject overChild && fallback.TryGetValue(key, out var fallbackValue) && fallbackValue is HoconObject fallbackChild
                ? MergeResolved(overChild, fallbackChild)
                : value);
        }

        return merged;
    }

    private static bool NeedsResolution(HoconValue value) => value is HoconSubstitution or HoconConcatenation;

    private static IEnumerable<HoconValue> DefinitionsOf(HoconValue value) =>
        value is HoconMergeStack stack ? stack.Definitions : [value];
}
