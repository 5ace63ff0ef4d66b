using FileSync.Kernel;
using FileSync.Storage.Writing;

namespace FileSync.Storage.Actors;

/// <summary>
/// <c>/user/filesystems/{fs}</c>: the single writer of one file system. Commits arrive one at a time
/// (the mailbox serializes them), so ETags and versions come out strictly increasing; each change is
/// published on the event stream as <see cref="Files.FileChanged"/> once it is durable. Content was already
/// chunked and stored by the uploader, so a commit is a short transaction.
/// </summary>
internal sealed class FileSystemActor : ReceiveActor
{
    public FileSystemActor(CommandExecutor executor, EventStream events)
    {
        ReceiveAsync<FileSystemCommand>(async command =>
        {
            var replyTo = Sender;
            try
            {
                var (row, change) = await executor.ExecuteAsync(command, CancellationToken.None).ConfigureAwait(true);
                if (change is not null) events.Publish(change);
                replyTo.Tell(new CommitResult(row), Self);
            }
            catch (Exception e)
            {
                // A refused commit (unknown file, name taken, database error) is the caller's answer, not a
                // reason to restart: the actor holds no state a failure could corrupt.
                replyTo.Tell(new Status.Failure(e), Self);
            }
        });
    }

    public static Props Props(CommandExecutor executor, EventStream events) =>
        Kernel.Props.Create(() => new FileSystemActor(executor, events));
}

/// <summary>The reply to a <see cref="FileSystemCommand"/>: the committed row (null when a delete found nothing).</summary>
internal sealed record CommitResult(Database.FileRow? Row);
