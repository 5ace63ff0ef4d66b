using System.CommandLine.Parsing;
using System.Globalization;

namespace FileSync.Cli.Palettes;

/// <summary>
/// Option parsers that turn a malformed value into a parse error (exit 2, one line) instead of an exception:
/// validators run even after a failed conversion, so the checks live in the parser itself.
/// </summary>
internal static class Parsers
{
    /// <summary>A whole number of at least <paramref name="minimum"/>.</summary>
    public static Func<ArgumentResult, int> AtLeast(string option, int minimum) => result =>
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= minimum) return value;
        result.AddError($"{option} must be a whole number of at least {minimum}; got '{text}'");
        return minimum;
    };

    /// <summary>Like <see cref="AtLeast"/> for an optional value.</summary>
    public static Func<ArgumentResult, int?> OptionalAtLeast(string option, int minimum) => result => AtLeast(option, minimum)(result);

    /// <summary>An absolute http(s) URL, without a trailing '/'.</summary>
    public static Func<ArgumentResult, string> HttpUrl(string option) => result =>
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            return text.TrimEnd('/');
        result.AddError($"{option} must be an absolute http(s) URL such as http://localhost:8081; got '{text}'");
        return "";
    };

    /// <summary>A positive duration: <c>90s</c>, <c>10m</c>, <c>2h</c> or <c>hh:mm:ss</c>.</summary>
    public static Func<ArgumentResult, TimeSpan> Duration(string option) => result =>
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value.Trim() : "";
        TimeSpan? value = text.Length < 2 ? null : text[^1] switch
        {
            's' when double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var s) => TimeSpan.FromSeconds(s),
            'm' when double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var m) => TimeSpan.FromMinutes(m),
            'h' when double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var h) => TimeSpan.FromHours(h),
            _ when TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var t) => t,
            _ => null,
        };
        if (value is { } duration && duration > TimeSpan.Zero) return duration;
        result.AddError($"{option} must be a positive duration such as 90s, 10m or 1h; got '{text}'");
        return TimeSpan.FromSeconds(1);
    };
}
