using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FileSync.Server.Http;

/// <summary>
/// Parses request bodies the way Json.NET did for RavenFS clients: single-quoted strings and
/// property names, unquoted property names, comments and trailing commas are all accepted
/// (the seed's curl examples send <c>{'ServerUrl':'…'}</c>). The text is rewritten to strict
/// JSON first, then parsed by System.Text.Json.
/// </summary>
public static class LenientJson
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Parses <paramref name="text"/>; throws <see cref="BadRequestException"/> with a sentence naming the position.</summary>
    public static JsonNode Parse(string text)
    {
        var strict = ToStrictJson(text);
        try
        {
            return JsonNode.Parse(strict, documentOptions: Options)
                ?? throw new BadRequestException("The request body is the JSON literal null; a JSON document was expected.");
        }
        catch (JsonException e)
        {
            throw new BadRequestException(
                $"The request body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).");
        }
    }

    /// <summary>Rewrites single-quoted strings and bare property names to double-quoted JSON strings.</summary>
    public static string ToStrictJson(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"') i = CopyDoubleQuoted(text, i, sb);
            else if (c == '\'') i = ConvertSingleQuoted(text, i, sb);
            else if (c == '/' && i + 1 < text.Length && (text[i + 1] == '/' || text[i + 1] == '*')) i = CopyComment(text, i, sb);
            else if (IsIdentifierStart(c)) i = ConvertBareWord(text, i, sb);
            else { sb.Append(c); i++; }
        }
        return sb.ToString();
    }

    private static int CopyDoubleQuoted(string text, int start, StringBuilder sb)
    {
        var i = start + 1;
        sb.Append('"');
        while (i < text.Length)
        {
            var c = text[i];
            sb.Append(c);
            i++;
            if (c == '\\' && i < text.Length) { sb.Append(text[i]); i++; }
            else if (c == '"') return i;
        }
        return i; // unterminated: the JSON parser reports it
    }

    private static int ConvertSingleQuoted(string text, int start, StringBuilder sb)
    {
        var i = start + 1;
        sb.Append('"');
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                var next = text[i + 1];
                // \' is only meaningful inside single quotes; JSON spells it as a plain quote.
                if (next == '\'') sb.Append('\'');
                else sb.Append(c).Append(next);
                i += 2;
                continue;
            }
            if (c == '\'') { sb.Append('"'); return i + 1; }
            if (c == '"') sb.Append("\\\"");
            else sb.Append(c);
            i++;
        }
        return i; // unterminated: the JSON parser reports it
    }

    private static int CopyComment(string text, int start, StringBuilder sb)
    {
        var end = text[start + 1] == '/'
            ? text.IndexOf('\n', start)
            : text.IndexOf("*/", start + 2, StringComparison.Ordinal) is var close and >= 0 ? close + 2 : -1;
        if (end < 0) end = text.Length;
        sb.Append(text, start, end - start);
        return end;
    }

    // A bare word followed by ':' is a property name Json.NET accepted unquoted; any other bare word
    // (true, false, null, numbers' exponents never start here) is copied as is.
    private static int ConvertBareWord(string text, int start, StringBuilder sb)
    {
        var i = start;
        while (i < text.Length && IsIdentifierPart(text[i])) i++;
        var word = text.AsSpan(start, i - start);
        var j = i;
        while (j < text.Length && char.IsWhiteSpace(text[j])) j++;
        if (j < text.Length && text[j] == ':') sb.Append('"').Append(word).Append('"');
        else sb.Append(word);
        return i;
    }

    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c is '_' or '$';

    private static bool IsIdentifierPart(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '$';
}
