using System.Net.Sockets;
using System.Text;

namespace FileSync.Server.Tests.Support;

/// <summary>
/// Sends a request line exactly as written (HttpClient would normalize "..", "%2e%2e" and
/// backslashes away before the node ever saw them) and reads the status and body.
/// </summary>
public static class RawHttp
{
    public sealed record Answer(int Status, string Head, string Body);

    public static async Task<Answer> SendAsync(string baseUrl, string method, string target,
        string? body = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        var uri = new Uri(baseUrl);
        using var client = new TcpClient();
        await client.ConnectAsync(uri.Host, uri.Port);
        await using var stream = client.GetStream();
        var bytes = body is null ? [] : Encoding.UTF8.GetBytes(body);
        var request = new StringBuilder()
            .Append(method).Append(' ').Append(target).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(uri.Authority).Append("\r\n")
            .Append("Connection: close\r\n")
            .Append("Content-Length: ").Append(bytes.Length).Append("\r\n");
        foreach (var (key, value) in headers ?? new Dictionary<string, string>())
            request.Append(key).Append(": ").Append(value).Append("\r\n");
        request.Append("\r\n");
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString()));
        await stream.WriteAsync(bytes);
        using var reader = new MemoryStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await stream.CopyToAsync(reader, timeout.Token);
        // Latin-1 keeps one char per byte, so chunk sizes (in bytes) index the text directly.
        var text = Encoding.Latin1.GetString(reader.ToArray());
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = split < 0 ? text : text[..split];
        var rest = split < 0 ? "" : text[(split + 4)..];
        var status = int.Parse(head.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        if (head.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase)) rest = Dechunk(rest);
        return new Answer(status, head, Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(rest)));
    }

    private static string Dechunk(string chunked)
    {
        var result = new StringBuilder();
        var i = 0;
        while (i < chunked.Length)
        {
            var lineEnd = chunked.IndexOf("\r\n", i, StringComparison.Ordinal);
            if (lineEnd < 0) break;
            var size = Convert.ToInt32(chunked[i..lineEnd].Split(';')[0], 16);
            if (size == 0) break;
            result.Append(chunked, lineEnd + 2, size);
            i = lineEnd + 2 + size + 2;
        }
        return result.ToString();
    }
}
