using FileSync.Kernel.Dispatch;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FileSync.Kernel;

/// <summary>A tree of actors under <c>/user</c> (yours) and <c>/system</c> (infrastructure), with the services
/// they share: event stream, dead letters, scheduler, logging. <see cref="Terminate"/> stops every actor,
/// children before parents, user actors before system ones, awaiting each <c>PostStop</c>.</summary>
public sealed class ActorSystem : IAsyncDisposable
{
    private readonly ActorCell _root;
    private readonly ActorCell _userGuardian;
    private readonly ActorCell _systemGuardian;
    private readonly ThreadPoolScheduler _scheduler = new();
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ActorLog _kernelLog;
    private readonly CancellationTokenSource _shutdownWatchdog = new();
    private int _terminateRequested;
    private int _deadLettersLogged;

    private ActorSystem(string name, KernelSettings settings, ILoggerFactory loggerFactory)
    {
        Name = name;
        Settings = settings;
        LoggerFactory = loggerFactory;
        DeadLetters = new DeadLetterRef(this);
        _kernelLog = new ActorLog(this, $"ActorSystem({name})", "FileSync.Kernel");

        ActorCell? user = null;
        _root = new ActorCell(this, Props.Create(() => new Guardian(stopAfter: user!.Self)), null, ActorPath.Root);
        user = _root.CreateChild(Props.Create(() => new Guardian()), "user");
        _userGuardian = user;
        _systemGuardian = _root.CreateChild(Props.Create(() => new Guardian()), "system");
        _root.SendSystem(new Create());
    }

    public static ActorSystem Create(string name, KernelSettings? settings = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new ArgumentException($"Actor system name '{name}' may contain only ASCII letters, digits, '-' and '_'.", nameof(name));
        settings ??= KernelSettings.Default;
        settings.Validate();
        return new ActorSystem(name, settings, loggerFactory ?? NullLoggerFactory.Instance);
    }

    public string Name { get; }

    public KernelSettings Settings { get; }

    public ILoggerFactory LoggerFactory { get; }

    /// <summary>The system's own log (source <c>ActorSystem(name)</c>).</summary>
    public ActorLog Log => _kernelLog;

    public EventStream EventStream { get; } = new();

    /// <summary>Where undeliverable messages go; telling it publishes a <see cref="DeadLetter"/>.</summary>
    public IActorRef DeadLetters { get; }

    public IScheduler Scheduler => _scheduler;

    /// <summary>Completes when every actor has stopped (or <see cref="KernelSettings.ShutdownTimeout"/> ran out).</summary>
    public Task WhenTerminated => _terminated.Task;

    /// <summary>Starts a top-level actor under <c>/user</c>.</summary>
    public IActorRef ActorOf(Props props, string? name = null)
    {
        if (Volatile.Read(ref _terminateRequested) != 0)
            throw new InvalidOperationException($"Actor system '{Name}' is terminating; no new actors can be started.");
        return _userGuardian.CreateChild(props, name).Self;
    }

    /// <summary>Starts an infrastructure actor under <c>/system</c>; those stop after all user actors.</summary>
    public IActorRef SystemActorOf(Props props, string? name = null) => _systemGuardian.CreateChild(props, name).Self;

    public ActorSelection ActorSelection(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (path[0] != '/') throw new ArgumentException($"Actor path '{path}' must be absolute, e.g. /user/a/b.", nameof(path));
        return new ActorSelection(this, path);
    }

    /// <summary>The live actor at an absolute path such as <c>/user/a/b</c>, or null.</summary>
    public IActorRef? ResolvePath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.StartsWith('/')) return null;
        var cell = _root;
        foreach (var name in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            cell = cell.FindChild(name);
            if (cell is null) return null;
        }

        return cell.State == CellState.Terminated ? null : cell.Self;
    }

    /// <summary>Stops an actor (asynchronously; watch it to know when it is gone).</summary>
    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor is LocalActorRef local) local.Cell.SendSystem(new Terminate());
    }

    /// <summary>The whole actor tree from <c>/</c> with each actor's type and mailbox depth.</summary>
    public ActorInfo Snapshot() => _root.Describe();

    /// <summary>Stops all actors (children before parents, <c>/user</c> before <c>/system</c>) and completes when
    /// every <c>PostStop</c> has run, or after <see cref="KernelSettings.ShutdownTimeout"/> with a warning.</summary>
    public Task Terminate()
    {
        if (Interlocked.Exchange(ref _terminateRequested, 1) == 0)
        {
            _userGuardian.SendSystem(new Terminate());
            _ = Task.Delay(Settings.ShutdownTimeout, _shutdownWatchdog.Token)
                .ContinueWith(_ => GiveUpWaiting(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        }

        return WhenTerminated;
    }

    public async ValueTask DisposeAsync() => await Terminate().ConfigureAwait(false);

    internal void OnRootTerminated()
    {
        _scheduler.Dispose();
        _shutdownWatchdog.Cancel();
        _terminated.TrySetResult();
    }

    private void GiveUpWaiting()
    {
        if (_terminated.Task.IsCompleted) return;
        _kernelLog.Warning($"Shutdown did not finish within {Settings.ShutdownTimeout}; still running: {string.Join(", ", Flatten(Snapshot()).Select(a => a.Path))}");
        OnRootTerminated();
    }

    private static IEnumerable<ActorInfo> Flatten(ActorInfo info) => info.Children.SelectMany(Flatten).Prepend(info);

    internal void DeadLetter(Envelope envelope, IActorRef recipient)
    {
        // Kernel bookkeeping messages reaching a stopped actor are expected, not lost user data.
        if (envelope.Message is Terminated or TimerFired or ReceiveTimeoutFired) return;
        PublishDeadLetter(new DeadLetter(envelope.Message, envelope.Sender ?? ActorRefs.Nobody, recipient));
    }

    internal void PublishDeadLetter(DeadLetter deadLetter)
    {
        if (Settings.LogDeadLetters > 0 && Interlocked.Increment(ref _deadLettersLogged) <= Settings.LogDeadLetters)
        {
            var more = _deadLettersLogged == Settings.LogDeadLetters ? " (no more dead letters will be logged)" : "";
            _kernelLog.Info($"Dead letter: {deadLetter.Message.GetType().Name} from {deadLetter.Sender.Path} to {deadLetter.Recipient.Path} was not delivered{more}.");
        }

        EventStream.Publish(deadLetter);
    }

    internal void PublishUnhandled(UnhandledMessage unhandled)
    {
        if (Settings.LogUnhandled) _kernelLog.Debug($"Unhandled message {unhandled.Message.GetType().Name} from {unhandled.Sender.Path} to {unhandled.Recipient.Path}.");
        EventStream.Publish(unhandled);
    }

    internal void PublishError(string source, string message, Exception? cause) => _kernelLog.Publish(new Error(source, message, cause));

    public override string ToString() => $"ActorSystem({Name})";
}
