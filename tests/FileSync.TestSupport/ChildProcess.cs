using System.Diagnostics;
using System.Text;
using System.Threading.Channels;

namespace FileSync.TestSupport;

/// <summary>
/// A child process whose stdout is read line by line in the background (so it never blocks on a full pipe),
/// with helpers to wait for lines and to kill it hard (SIGKILL on Unix) for crash tests.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _unread = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = true });
    private readonly List<string> _allLines = [];
    private readonly StringBuilder _stderr = new();
    private readonly Task _stdoutPump;
    private readonly Task _stderrPump;

    private ChildProcess(Process process)
    {
        _process = process;
        _stdoutPump = Task.Run(PumpStdoutAsync);
        _stderrPump = Task.Run(PumpStderrAsync);
    }

    /// <summary>Starts <c>dotnet &lt;dll&gt; args…</c>.</summary>
    public static ChildProcess StartDotnet(string dllPath, params string[] args) =>
        Start("dotnet", [dllPath, .. args]);

    /// <summary>
    /// Starts a node, <c>dotnet FileSync.Server.dll args…</c>, with the runtime settings the node is deployed with
    /// (<see cref="NodeRuntimeEnvironment"/>; the same as the project's launch profile used by <c>dotnet run</c>).
    /// </summary>
    public static ChildProcess StartNode(params string[] args) =>
        Start("dotnet", [RepoPaths.ProjectAssembly("FileSync.Server"), .. args], environment: NodeRuntimeEnvironment);

    /// <summary>
    /// A young generation of 8 MiB: .NET sizes it from the L3 cache by default (~84 MB on these 105 MiB-L3 hosts),
    /// which a node streaming files through fixed buffers does not need (README, "Memory").
    /// </summary>
    public static IReadOnlyDictionary<string, string> NodeRuntimeEnvironment { get; } =
        new Dictionary<string, string> { ["DOTNET_GCgen0size"] = "0x800000" };

    /// <summary>Starts any executable with stdout/stderr captured and stdin closed.</summary>
    public static ChildProcess Start(string fileName, IEnumerable<string> args, string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        if (environment is not null)
        {
            foreach (var (key, value) in environment) info.Environment[key] = value;
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        return new ChildProcess(process);
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Exit code; only valid once the process has exited.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Every stdout line read so far, in order (including ones already returned by ReadLineAsync).</summary>
    public IReadOnlyList<string> OutputLines
    {
        get { lock (_allLines) return _allLines.ToArray(); }
    }

    /// <summary>Everything written to stderr so far.</summary>
    public string ErrorOutput
    {
        get { lock (_stderr) return _stderr.ToString(); }
    }

    /// <summary>The next stdout line not yet returned; null once stdout has ended. Throws TimeoutException.</summary>
    public async Task<string?> ReadLineAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            return await _unread.Reader.WaitToReadAsync(cts.Token).ConfigureAwait(false) && _unread.Reader.TryRead(out var line)
                ? line
                : null;
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No stdout line from child process {Id} within {timeout}. Stderr so far: {ErrorOutput}");
        }
    }

    /// <summary>Reads lines until one matches; throws TimeoutException, or InvalidOperationException if stdout ends first.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException($"No matching stdout line from child process {Id} within {timeout}. Stderr: {ErrorOutput}");
            var line = await ReadLineAsync(left).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Child process {Id} closed stdout before printing a matching line. Stderr: {ErrorOutput}");
            if (match(line)) return line;
        }
    }

    /// <summary>Waits until stdout and stderr are fully read (after exit or kill) and returns all stdout lines.</summary>
    public async Task<IReadOnlyList<string>> ReadToEndAsync(TimeSpan timeout)
    {
        await Task.WhenAll(_stdoutPump, _stderrPump).WaitAsync(timeout).ConfigureAwait(false);
        return OutputLines;
    }

    /// <summary>Writes one line to the child's stdin (and flushes it).</summary>
    public async Task WriteLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line).ConfigureAwait(false);
        await _process.StandardInput.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>Kills the process at once, without any chance to clean up (SIGKILL on Unix).</summary>
    public void KillHard()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: false);
        }
        catch (InvalidOperationException)
        {
            // Already gone between the check and the kill: the outcome the caller wanted.
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Child process {Id} did not exit within {timeout}.");
        }
        return _process.ExitCode;
    }

    public void Dispose()
    {
        KillHard();
        _process.WaitForExit(5000);
        _process.Dispose();
    }

    private async Task PumpStdoutAsync()
    {
        try
        {
            while (await _process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                lock (_allLines) _allLines.Add(line);
                _unread.Writer.TryWrite(line);
            }
        }
        finally
        {
            _unread.Writer.TryComplete();
        }
    }

    private async Task PumpStderrAsync()
    {
        while (await _process.StandardError.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            lock (_stderr) _stderr.AppendLine(line);
        }
    }
}
