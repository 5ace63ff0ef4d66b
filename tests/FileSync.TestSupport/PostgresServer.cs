using System.Diagnostics;
using System.Text.RegularExpressions;
using Npgsql;

namespace FileSync.TestSupport;

/// <summary>
/// A throwaway PostgreSQL server for the whole test process: started lazily on first use (initdb + pg_ctl
/// in a temp folder, on a free loopback port, as the <c>postgres</c> user when running as root), shared by
/// every test class, and stopped with <c>pg_ctl stop -m immediate</c> when the process exits.
/// Each test class asks for its own fresh database with <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed partial class PostgresServer
{
    private const string OwnerFile = "owner.pid";
    private const string FolderPrefix = "filesync-pg-";
    private static readonly object Gate = new();
    private static Task<PostgresServer>? _instance;
    private static int _databaseCounter;

    private readonly string _binDirectory;
    private readonly string _rootDirectory;

    private PostgresServer(string binDirectory, string rootDirectory, int port)
    {
        _binDirectory = binDirectory;
        _rootDirectory = rootDirectory;
        Port = port;
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Database = "postgres",
        }.ConnectionString;
    }

    /// <summary>Superuser connection string to the <c>postgres</c> database of the server.</summary>
    public string ConnectionString { get; }

    public int Port { get; }

    private string DataDirectory => Path.Combine(_rootDirectory, "data");

    /// <summary>The process-wide server, started on the first call.</summary>
    public static Task<PostgresServer> GetAsync()
    {
        lock (Gate)
        {
            // A failed start is not cached as success, but is cached as failure: every test then reports the same reason fast.
            return _instance ??= Task.Run(StartAsync);
        }
    }

    /// <summary>Creates a new empty database and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string? prefix = null)
    {
        var name = $"{Sanitize(prefix ?? "test")}_{Environment.ProcessId}_{Interlocked.Increment(ref _databaseCounter)}";
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var bin = PostgresBinaries.RequireBinDirectory();
        StopLeftoversOfDeadRuns(bin);

        var root = Path.Combine(Path.GetTempPath(), FolderPrefix + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        await File.WriteAllTextAsync(Path.Combine(root, OwnerFile), Environment.ProcessId.ToString()).ConfigureAwait(false);
        if (RunningAsRoot) await RunAsync("chown", ["-R", "postgres:postgres", root], asPostgres: false).ConfigureAwait(false);

        var data = Path.Combine(root, "data");
        await RunAsync(Path.Combine(bin, "initdb"),
            ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"], asPostgres: true).ConfigureAwait(false);

        // The port is free when picked but another process may grab it first: retry with a new one.
        Exception? last = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var port = FreePort.Next();
            try
            {
                var options = $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=64MB";
                await RunAsync(Path.Combine(bin, "pg_ctl"),
                    ["start", "-D", data, "-w", "-t", "60", "-l", Path.Combine(root, "server.log"), "-o", options], asPostgres: true).ConfigureAwait(false);
                var server = new PostgresServer(bin, root, port);
                AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
                return server;
            }
            catch (InvalidOperationException ex)
            {
                last = ex;
            }
        }
        throw new InvalidOperationException($"The throwaway PostgreSQL server did not start (log: {Path.Combine(root, "server.log")}).", last);
    }

    private void Stop()
    {
        try
        {
            RunAsync(Path.Combine(_binDirectory, "pg_ctl"), ["stop", "-D", DataDirectory, "-m", "immediate", "-w"], asPostgres: true)
                .GetAwaiter().GetResult();
        }
        catch (InvalidOperationException)
        {
            // Already stopped: nothing else to do but remove the folder.
        }
        TryDelete(_rootDirectory);
    }

    // A test process killed before its ProcessExit handler ran leaves a server behind; stop those whose owner is gone.
    private static void StopLeftoversOfDeadRuns(string bin)
    {
        foreach (var dir in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var ownerFile = Path.Combine(dir, OwnerFile);
            if (!File.Exists(ownerFile) || !int.TryParse(File.ReadAllText(ownerFile), out var owner) || IsAlive(owner)) continue;
            try
            {
                if (File.Exists(Path.Combine(dir, "data", "postmaster.pid")))
                {
                    RunAsync(Path.Combine(bin, "pg_ctl"), ["stop", "-D", Path.Combine(dir, "data"), "-m", "immediate", "-w"], asPostgres: true)
                        .GetAwaiter().GetResult();
                }
            }
            catch (InvalidOperationException)
            {
                // Not running any more; just clean the folder.
            }
            TryDelete(dir);
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool RunningAsRoot => Environment.UserName == "root";

    private static async Task RunAsync(string fileName, IReadOnlyList<string> args, bool asPostgres)
    {
        var info = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres && RunningAsRoot)
        {
            info.FileName = "runuser";
            foreach (var a in new[] { "-u", "postgres", "--", fileName }) info.ArgumentList.Add(a);
        }
        else
        {
            info.FileName = fileName;
        }
        foreach (var arg in args) info.ArgumentList.Add(arg);

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(fileName)} {string.Join(' ', args)} failed with exit code {process.ExitCode}: {await stderr.ConfigureAwait(false)}{await stdout.ConfigureAwait(false)}");
        }
    }

    private static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }

    private static string Sanitize(string prefix)
    {
        var cleaned = NonIdentifier().Replace(prefix.ToLowerInvariant(), "_");
        return cleaned.Length > 40 ? cleaned[..40] : cleaned;
    }

    [GeneratedRegex("[^a-z0-9_]")]
    private static partial Regex NonIdentifier();
}
