using System.Text;

namespace FileSync.Hocon.Resolution;

/// <summary>
/// Joins the resolved parts of a concatenation: strings (and numbers, booleans, null as text) join with
/// the whitespace written between them; lists append; objects merge, later winning. Mixing kinds is an error.
/// </summary>
internal static class Concatenation
{
    public static HoconValue? Join(HoconConcatenation concatenation, Func<HoconValue, HoconValue?> resolve)
    {
        var values = new List<HoconValue>();
        var anyDefined = false;
        foreach (var part in concatenation.Parts)
        {
            var value = part is HoconScalar { IsWhitespace: true } ? part : resolve(part);
            if (value is null)
            {
                continue;
            }

            anyDefined |= value is not HoconScalar { IsWhitespace: true };
            values.Add(value);
        }

        if (!anyDefined)
        {
            return null;
        }

        var solid = values.Where(v => v is not HoconScalar { IsWhitespace: true }).ToList();
        if (solid.Exists(v => v is HoconObject or HoconArray))
        {
            return JoinStructures(solid, concatenation.Position);
        }

        if (solid.Count == 1)
        {
            return solid[0];
        }

        var text = new StringBuilder();
        foreach (var value in TrimWhitespace(values))
        {
            text.Append(((HoconScalar)value).Text);
        }

        return HoconScalar.QuotedString(text.ToString(), concatenation.Position);
    }

    private static HoconValue JoinStructures(List<HoconValue> solid, SourcePosition position)
    {
        if (solid.TrueForAll(v => v is HoconArray))
        {
            return new HoconArray(solid.SelectMany(v => ((HoconArray)v).Items), position);
        }

        if (solid.TrueForAll(v => v is HoconObject))
        {
            var merged = (HoconObject)solid[0];
            foreach (var next in solid.Skip(1))
            {
                merged = Merging.MergeResolved((HoconObject)next, merged);
            }

            return merged;
        }

        var kinds = string.Join(" and ", solid.Select(v => v.KindName).Distinct());
        throw new HoconException(position, $"cannot concatenate {kinds}: values written side by side must all be strings, all lists or all objects");
    }

    private static IEnumerable<HoconValue> TrimWhitespace(List<HoconValue> values)
    {
        var start = values.FindIndex(v => v is not HoconScalar { IsWhitespace: true });
        var end = values.FindLastIndex(v => v is not HoconScalar { IsWhitespace: true });
        return values.Skip(start).Take(end - start + 1);
    }
}
