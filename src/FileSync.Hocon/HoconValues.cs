using System.Globalization;

namespace FileSync.Hocon;

/// <summary>
/// Reads the typed forms HOCON writes as strings: durations (<c>500ms</c>, <c>10m</c>), byte sizes
/// (<c>64KiB</c>, <c>10MB</c>) and booleans (<c>on</c>, <c>yes</c>). For callers that bound a setting as a string.
/// </summary>
public static class HoconValues
{
    private static readonly (string[] Names, decimal Ticks)[] DurationUnits =
    [
        (["ns", "nano", "nanos", "nanosecond", "nanoseconds"], 0.01m),
        (["us", "micro", "micros", "microsecond", "microseconds"], 10m),
        (["", "ms", "milli", "millis", "millisecond", "milliseconds"], TimeSpan.TicksPerMillisecond),
        (["s", "second", "seconds"], TimeSpan.TicksPerSecond),
        (["m", "minute", "minutes"], TimeSpan.TicksPerMinute),
        (["h", "hour", "hours"], TimeSpan.TicksPerHour),
        (["d", "day", "days"], TimeSpan.TicksPerDay),
    ];

    private static readonly (string[] Names, decimal Bytes)[] SizeUnits =
    [
        (["", "B", "b", "byte", "bytes"], 1m),
        (["kB", "kilobyte", "kilobytes"], 1e3m),
        (["K", "k", "Ki", "KiB", "kibibyte", "kibibytes"], 1024m),
        (["MB", "megabyte", "megabytes"], 1e6m),
        (["M", "m", "Mi", "MiB", "mebibyte", "mebibytes"], 1024m * 1024),
        (["GB", "gigabyte", "gigabytes"], 1e9m),
        (["G", "g", "Gi", "GiB", "gibibyte", "gibibytes"], 1024m * 1024 * 1024),
        (["TB", "terabyte", "terabytes"], 1e12m),
        (["T", "t", "Ti", "TiB", "tebibyte", "tebibytes"], 1024m * 1024 * 1024 * 1024),
    ];

    /// <summary>A number with an optional unit: ns, us, ms, s, m (minutes), h, d, or their long names. A bare number is milliseconds.</summary>
    /// <exception cref="FormatException">The text is not a duration; the message says why.</exception>
    public static TimeSpan ParseDuration(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (number, unit) = Split(text, "duration");
        var ticksPerUnit = FindUnit(DurationUnits, unit)
            ?? throw new FormatException($"'{text}' is not a duration: unknown unit '{unit}' (use ns, us, ms, s, m, h or d)");
        try
        {
            return TimeSpan.FromTicks((long)decimal.Round(number * ticksPerUnit));
        }
        catch (OverflowException e)
        {
            throw new FormatException($"'{text}' is too long a duration", e);
        }
    }

    /// <summary>
    /// A number of bytes with an optional unit: powers of ten for kB, MB, GB, TB; powers of two for
    /// K/k/Ki/KiB, M/m/Mi/MiB, G/g/Gi/GiB, T/t/Ti/TiB. A bare number is bytes.
    /// </summary>
    /// <exception cref="FormatException">The text is not a byte size; the message says why.</exception>
    public static long ParseByteSize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (number, unit) = Split(text, "byte size");
        var bytesPerUnit = FindUnit(SizeUnits, unit)
            ?? throw new FormatException($"'{text}' is not a byte size: unknown unit '{unit}' (use B, kB, KiB, MB, MiB, GB, GiB, TB or TiB)");
        decimal bytes;
        try
        {
            bytes = number * bytesPerUnit;
        }
        catch (OverflowException e)
        {
            throw new FormatException($"'{text}' is too large a byte size", e);
        }

        if (bytes != decimal.Truncate(bytes))
        {
            throw new FormatException($"'{text}' is not a whole number of bytes");
        }

        if (bytes < 0)
        {
            throw new FormatException($"'{text}' is negative; a byte size cannot be");
        }

        return bytes <= long.MaxValue ? (long)bytes : throw new FormatException($"'{text}' is too large a byte size");
    }

    /// <summary><c>true/false</c>, <c>on/off</c>, <c>yes/no</c>, any letter case.</summary>
    /// <exception cref="FormatException">Anything else.</exception>
    public static bool ParseBoolean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim().ToLowerInvariant() switch
        {
            "true" or "on" or "yes" => true,
            "false" or "off" or "no" => false,
            _ => throw new FormatException($"'{text}' is not a boolean (use true/false, on/off or yes/no)"),
        };
    }

    /// <summary>True for the words <see cref="ParseBoolean"/> accepts.</summary>
    public static bool IsBooleanWord(string text) =>
        text.Trim().ToLowerInvariant() is "true" or "false" or "on" or "off" or "yes" or "no";

    private static (decimal Number, string Unit) Split(string text, string what)
    {
        var trimmed = text.Trim();
        var end = 0;
        while (end < trimmed.Length && (char.IsAsciiDigit(trimmed[end]) || trimmed[end] is '.' or '-' or '+'
            || (trimmed[end] is 'e' or 'E' && end + 1 < trimmed.Length && (char.IsAsciiDigit(trimmed[end + 1]) || trimmed[end + 1] is '+' or '-'))))
        {
            end++;
        }

        var numberText = trimmed[..end];
        if (!decimal.TryParse(numberText, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            throw new FormatException($"'{text}' is not a {what}: it must start with a number");
        }

        return (number, trimmed[end..].Trim());
    }

    private static decimal? FindUnit((string[] Names, decimal Factor)[] units, string unit)
    {
        foreach (var (names, factor) in units)
        {
            if (names.Contains(unit, StringComparer.Ordinal))
            {
                return factor;
            }
        }

        return null;
    }
}
