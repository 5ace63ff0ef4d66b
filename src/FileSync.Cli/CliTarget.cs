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

    public override string ToString() => $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";
}
