using System.Net.Http;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text.Json;
using FileSync.Client;

namespace FileSync.Cli;

/// <summary>
/// Turns what went wrong during a command into the one line printed on stderr: the node could not be
/// reached, the node answered with a problem (its <c>detail</c> sentence), or a local file failed.
/// </summary>
public static class FailureMessages
{
    /// <summary>The sentence for <paramref name="error"/>, or null when it is a bug that should surface as is.</summary>
    public static string? Describe(Exception error, CliTarget target)
    {
        ArgumentNullException.ThrowIfNull(error);
        var reason = error switch
        {
            HttpRequestException http => Unreachable(target, http),
            WebSocketException socket => Unreachable(target, socket),
            FileSyncServerException server => server.Message,
            FileSync.Client.Storage.StorageApiException storage => storage.ErrorMessage,
            FileNotFoundException missing => $"{missing.FileName ?? "the file"}: file not found",
            DirectoryNotFoundException directory => directory.Message,
            IOException io => io.Message,
            UnauthorizedAccessException denied => denied.Message,
            TimeoutException timeout => $"{target} did not answer in time: {timeout.Message}",
            JsonException or InvalidDataException => $"{target} sent an answer the command line does not understand: {error.Message}",
            _ => null,
        };
        return reason is null ? null : OneLine(reason);
    }

    /// <summary>"cannot reach 127.0.0.1:8080: connection refused".</summary>
    public static string Unreachable(CliTarget target, Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var socket = Inner<SocketException>(error);
        var why = socket?.SocketErrorCode switch
        {
            SocketError.ConnectionRefused => "connection refused",
            SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "host not found",
            SocketError.TimedOut => "connection timed out",
            SocketError.HostUnreachable or SocketError.NetworkUnreachable => "host unreachable",
            SocketError.ConnectionReset => "connection reset",
            _ when error is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => "host not found",
            _ => (socket ?? error).Message,
        };
        return $"cannot reach {target}: {why}";
    }

    public static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static T? Inner<T>(Exception error) where T : Exception
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is T found) return found;
        }

        return null;
    }
}
