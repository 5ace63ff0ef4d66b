using System.Net;
using System.Text;
using FileSync.TestSupport;

namespace FileSync.Acceptance.Support;

/// <summary>
/// A loopback HTTP server that answers every request with one canned status and body and remembers what it
/// received: tests the client's requests and its reading of literal JSON without a node.
/// </summary>
public sealed class CannedHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public CannedHttpServer(int status, string body)
    {
        Url = $"http://127.0.0.1:{FreePort.Next()}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(() => ServeAsync(status, body));
    }

    public string Url { get; }

    /// <summary>Method, path with query, and body of the last request.</summary>
    public (string Method, string PathAndQuery, string Body) Last { get; private set; }

    private async Task ServeAsync(int status, string body)
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                Last = (context.Request.HttpMethod, context.Request.RawUrl ?? "", await reader.ReadToEndAsync());
            }
            context.Response.StatusCode = status;
            if (status != 204)
            {
                context.Response.ContentType = status >= 400 ? "application/problem+json" : "application/json";
                var bytes = Encoding.UTF8.GetBytes(body);
                await context.Response.OutputStream.WriteAsync(bytes);
            }
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
