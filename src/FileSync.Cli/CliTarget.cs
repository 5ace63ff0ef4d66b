using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace FileSync.Cli;

/// <summary>The node a command talks to, given as the optional first argument <c>host:port</c>.</summary>
public sealed record CliTarget(string Host, int Port)
{
    public static CliTarget Default { get; } = new("127.0.0.1", 8080);

    public Uri BaseUri => new($"http://{Host}:{Port.ToString(CultureInfo.InvariantCulture)}/");

    /// <summary>True when <paramref name="text"/> has the shape <c>host:port</c> (port 1–65535).</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out CliTarget? target)
    {
        target = null;
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || text.StartsWith('-'))
        {
            return false;
        }

        if (!int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            return false;
        }

        target = new CliTarget(text[..colon], port);
        return true;
    }

    /// <summary>
    /// True when <paramref name="text"/> is meant as <c>host:port</c> (digits after the last colon) but the port is
    /// out of range; <paramref name="reason"/> is then the sentence to show.
    /// </summary>
    public static bool IsMalformed(string text, [NotNullWhen(true)] out string? reason)
    {
        reason = null;
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || text.StartsWith('-') || colon == text.Length - 1 || text.AsSpan(colon + 1).ContainsAnyExcept("0123456789") || TryParse(text, out _))
        {
            return false;
        }

        reason = $"'{text}' is not a node address: the port must be 1–65535.";
        return true;
    }

    public override string ToString() => $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";
}
