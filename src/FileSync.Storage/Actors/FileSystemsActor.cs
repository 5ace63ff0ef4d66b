using FileSync.Kernel;
using FileSync.Storage.Writing;

namespace FileSync.Storage.Actors;

/// <summary><c>/user/filesystems</c>: starts one <see cref="FileSystemActor"/> per file system on first use and forwards commands to it.</summary>
internal sealed class FileSystemsActor : ReceiveActor
{
    public FileSystemsActor(CommandExecutor executor, EventStream events)
    {
        Receive<FileSystemCommand>(command =>
        {
            // File system names are validated identifiers (letters, digits, '-', '_', '.'), so they are valid actor names.
            var child = Context.Child(command.FileSystem)
                ?? Context.ActorOf(FileSystemActor.Props(executor, events), command.FileSystem);
            child.Forward(command, Context);
        });
    }

    public static Props Props(CommandExecutor executor, EventStream events) =>
        Kernel.Props.Create(() => new FileSystemsActor(executor, events));
}
