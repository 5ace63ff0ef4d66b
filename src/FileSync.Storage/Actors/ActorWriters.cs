using FileSync.Kernel;
using FileSync.Storage.Database;
using FileSync.Storage.Files;
using FileSync.Storage.Writing;

namespace FileSync.Storage.Actors;

/// <summary>Sends commits to the file system actors and relays the <see cref="FileChanged"/> events they publish.</summary>
internal sealed class ActorWriters : IFileSystemWriters
{
    // Generous: a commit is one short transaction, but PostgreSQL under load or a long chunk list can take a while.
    private static readonly TimeSpan CommitTimeout = TimeSpan.FromMinutes(5);
    private readonly ActorSystem _system;
    private readonly IActorRef _fileSystems;
    private readonly IDisposable _subscription;
    private readonly bool _ownsSystem;

    public ActorWriters(ActorSystem system, CommandExecutor executor, bool ownsSystem)
    {
        _system = system;
        _ownsSystem = ownsSystem;
        _fileSystems = system.ActorOf(FileSystemsActor.Props(executor, system.EventStream), "filesystems");
        _subscription = system.EventStream.Subscribe<FileChanged>(change => Changed?.Invoke(change));
    }

    public event Action<FileChanged>? Changed;

    public async Task<FileRow?> SendAsync(FileSystemCommand command, CancellationToken ct)
    {
        var result = await _fileSystems.Ask<CommitResult>(command, CommitTimeout, ct).ConfigureAwait(false);
        return result.Row;
    }

    public async ValueTask DisposeAsync()
    {
        _subscription.Dispose();
        if (_ownsSystem) await _system.Terminate().ConfigureAwait(false);
        else _system.Stop(_fileSystems);
    }
}
