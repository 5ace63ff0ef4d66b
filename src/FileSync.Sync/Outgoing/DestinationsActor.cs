using FileSync.Kernel;
using FileSync.Storage.Files;
using FileSync.Sync.Contracts;

namespace FileSync.Sync.Outgoing;

/// <summary>Delivers <paramref name="Message"/> to the DestinationActor of that pair (started, and so recovered, on first use).</summary>
public sealed record ToDestination(string FileSystem, SynchronizationDestination Destination, object Message);

/// <summary>Asks for the <see cref="DestinationState"/> of every destination of a file system that has an actor.</summary>
public sealed record GetFileSystemStates(string FileSystem);

/// <summary>
/// <c>/user/destinations</c>: parent of every <see cref="DestinationActor"/>. At start it creates the actor of
/// every enabled destination (their recovery resumes interrupted runs). It starts the background passes:
/// one second after start, every <see cref="OutgoingSettings.Interval"/>,
/// and <see cref="OutgoingSettings.ChangeDelay"/> after local changes (<see cref="FileChanged"/> on the event
/// stream; changes arriving meanwhile join the same pass).
/// </summary>
public sealed class DestinationsActor : ReceiveActor, IWithTimers
{
    private sealed record Tick(bool Pass);
    private sealed record ChangesSettled(string FileSystem);

    private readonly NodeFileSystems _store;
    private readonly IDestinationClientFactory _clients;
    private readonly OutgoingSettings _settings;
    private readonly Func<string, SourceIdentity> _sourceFor;
    private readonly Dictionary<string, (string FileSystem, SynchronizationDestination Destination)> _children = new(StringComparer.Ordinal);

    public DestinationsActor(NodeFileSystems store, IDestinationClientFactory clients, OutgoingSettings settings, Func<string, SourceIdentity> sourceFor)
    {
        _store = store;
        _clients = clients;
        _settings = settings;
        _sourceFor = sourceFor;

        Receive<ToDestination>(m => ChildFor(m.FileSystem, m.Destination).Forward(m.Message, Context));
        ReceiveAsync<Tick>(m => VisitEverywhereAsync(m.Pass));
        Receive<FileChanged>(OnFileChanged);
        ReceiveAsync<ChangesSettled>(m => PassAsync(m.FileSystem));
        ReceiveAsync<GetFileSystemStates>(OnGetStatesAsync);
        Receive<Terminated>(m => _children.Remove(m.ActorRef.Path.Name));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(NodeFileSystems store, IDestinationClientFactory clients, OutgoingSettings settings, Func<string, SourceIdentity> sourceFor) =>
        Kernel.Props.Create(() => new DestinationsActor(store, clients, settings, sourceFor));

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe<FileChanged>(Self);
        // At start the pairs' actors are created at once (recovery resumes what was running), and a first pass
        // follows shortly for changes made before a restart that no pass had listed.
        Self.Tell(new Tick(Pass: false));
        if (_settings.PassAtStart) Timers.StartSingleTimer("start", new Tick(Pass: true), TimeSpan.FromSeconds(1));
        Timers.StartPeriodicTimer("interval", new Tick(Pass: true), _settings.Interval);
    }

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private void OnFileChanged(FileChanged change)
    {
        if (_settings.ChangeDelay <= TimeSpan.Zero) return;
        var key = ("changes", change.FileSystem);
        if (!Timers.IsTimerActive(key)) Timers.StartSingleTimer(key, new ChangesSettled(change.FileSystem), _settings.ChangeDelay);
    }

    private async Task VisitEverywhereAsync(bool pass)
    {
        IReadOnlyList<string> fileSystems;
        try
        {
            fileSystems = await _store.ListFileSystemsAsync().ConfigureAwait(true);
        }
        catch (Exception e)
        {
            Context.Log.Warning($"Cannot list file systems for the synchronization pass: {e.Message}");
            return;
        }
        foreach (var fileSystem in fileSystems) await PassAsync(fileSystem, pass).ConfigureAwait(true);
    }

    private async Task PassAsync(string fileSystem, bool pass = true)
    {
        try
        {
            foreach (var destination in await EnabledDestinationsAsync(fileSystem).ConfigureAwait(true))
            {
                var child = ChildFor(fileSystem, destination);
                if (pass) child.Tell(BackgroundPass.Instance, Self);
            }
        }
        catch (Exception e)
        {
            Context.Log.Warning($"Cannot read the destinations of {fileSystem}: {e.Message}");
        }
    }

    private async Task<IEnumerable<SynchronizationDestination>> EnabledDestinationsAsync(string fileSystem) =>
        ConfigDocuments.ParseDestinations(await _store.GetConfigAsync(fileSystem, ConfigDocuments.Destinations).ConfigureAwait(true)).Where(d => d.Enabled);

    private async Task OnGetStatesAsync(GetFileSystemStates message)
    {
        var replyTo = Sender;
        var states = new List<DestinationState>();
        try
        {
            // Destinations configured now, plus any pair that still has an actor (e.g. one used by start/{file}).
            foreach (var destination in await EnabledDestinationsAsync(message.FileSystem).ConfigureAwait(true)) ChildFor(message.FileSystem, destination);
            var children = _children.Where(c => c.Value.FileSystem == message.FileSystem)
                .Select(c => Context.Child(c.Key)).OfType<IActorRef>().ToList();
            foreach (var child in children)
                states.Add(await child.Ask<DestinationState>(GetDestinationState.Instance, TimeSpan.FromSeconds(30)).ConfigureAwait(true));
        }
        catch (Exception e)
        {
            replyTo.Tell(new Status.Failure(e));
            return;
        }
        replyTo.Tell(states);
    }

    private IActorRef ChildFor(string fileSystem, SynchronizationDestination destination)
    {
        var name = DestinationKey.For(fileSystem, destination).ActorName;
        if (Context.Child(name) is { } existing) return existing;
        var deps = new DestinationDependencies(_store, _clients.Create(_sourceFor(fileSystem), destination), _settings,
            ct => MaxPerDestinationAsync(fileSystem, ct));
        var child = Context.ActorOf(DestinationActor.Props(fileSystem, destination, deps), name);
        Context.Watch(child);
        _children[name] = (fileSystem, destination);
        return child;
    }

    private async Task<int> MaxPerDestinationAsync(string fileSystem, CancellationToken ct)
    {
        try
        {
            return ConfigDocuments.ParseMaxPerDestination(await _store.GetConfigAsync(fileSystem, ConfigDocuments.SynchronizationConfig, ct).ConfigureAwait(false))
                ?? _settings.MaxPerDestination;
        }
        catch (System.Text.Json.JsonException)
        {
            return _settings.MaxPerDestination;
        }
    }
}
