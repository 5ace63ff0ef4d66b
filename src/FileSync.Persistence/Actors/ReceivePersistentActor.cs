using FileSync.Kernel;
using FileSync.Persistence.Journal;
using FileSync.Persistence.Snapshots;

namespace FileSync.Persistence;

/// <summary>
/// An actor whose state is rebuilt from its stored events. Declare in the constructor:
/// <see cref="Command{T}(Action{T})"/> handlers for messages, <see cref="Recover{T}"/> handlers for replayed events
/// (and for <see cref="SnapshotOffer"/>). In a command handler call <see cref="Persist{TEvent}"/>; its handler runs only
/// after the event is durable, and messages that arrive meanwhile wait in the mailbox, in order.
/// The stores come from <see cref="PersistenceExtension.Get"/> of the actor's system.
/// </summary>
public abstract partial class ReceivePersistentActor : ReceiveActor
{
    private readonly List<(Type Type, Action<object> Handler)> _recoveryHandlers = [];
    private PersistenceExtension? _persistence;

    // Set when a write or the recovery failed: the actor is stopping and must not touch another message.
    private bool _stopping;

    /// <summary>The id of this actor's event stream; must stay the same across restarts and nodes.</summary>
    public abstract string PersistenceId { get; }

    /// <summary>
    /// The sequence number of the last event recovered or persisted (inside a Persist handler: of that event).
    /// 0 before the first event.
    /// </summary>
    protected long LastSequenceNr { get; private set; }

    /// <summary>True while events are being replayed.</summary>
    protected bool IsRecovering { get; private set; }

    /// <summary>The journal, snapshot store and serializer in use (available from PreStart on).</summary>
    protected PersistenceExtension Persistence =>
        _persistence ?? throw new InvalidOperationException("Persistence is available from PreStart on, not in the constructor.");

    /// <summary>Which snapshot recovery starts from; by default the newest.</summary>
    protected virtual SnapshotSelectionCriteria RecoverySnapshotCriteria => SnapshotSelectionCriteria.Latest;

    /// <summary>The identity written into each event's writer column; cluster code overrides it to carry its fencing number.</summary>
    protected virtual WriterIdentity Writer => Persistence.Writer;

    /// <summary>Handles a command (any message once recovery has completed).</summary>
    protected void Command<T>(Action<T> handler) => Receive(handler);

    protected void Command<T>(Func<T, bool> predicate, Action<T> handler) => Receive(predicate, handler);

    /// <summary>Handles a command asynchronously; events it persists are written after its task completes.</summary>
    protected void CommandAsync<T>(Func<T, Task> handler) => ReceiveAsync(handler);

    protected void CommandAny(Action<object> handler) => ReceiveAny(handler);

    /// <summary>Handles a replayed event of type <typeparamref name="T"/>, or a <see cref="SnapshotOffer"/>. First matching type wins.</summary>
    protected void Recover<T>(Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _recoveryHandlers.Add((typeof(T), message => handler((T)message)));
    }

    /// <summary>Called once all events are replayed, before the first command. May persist.</summary>
    protected virtual void OnRecoveryCompleted()
    {
    }

    /// <summary>Optional tags stored with an event (no commas).</summary>
    protected virtual IReadOnlyList<string>? TagsFor(object @event) => null;

    /// <summary>
    /// The state to snapshot automatically every <see cref="PersistenceExtension.SnapshotEvery"/> events;
    /// null (the default) turns automatic snapshots off for this actor.
    /// </summary>
    protected virtual object? SnapshotState() => null;

    /// <summary>Runs <see cref="ActorBase.PreStart"/>, then recovers; no command runs before recovery completes.</summary>
    protected override async ValueTask AroundPreStart()
    {
        _persistence = PersistenceExtension.Get(Context.System);
        PreStart();
        IsRecovering = true;
        bool recovered;
        try
        {
            recovered = await RecoverAsync();
        }
        finally
        {
            IsRecovering = false;
        }
        if (!recovered) return;

        // Events persisted here are written (and their handlers run) before the first command.
        OnRecoveryCompleted();
        if (_pending.Count > 0) await FinishCommandAsync(default);
    }

    /// <summary>Runs the command handler, then writes what it persisted and runs the persist handlers.</summary>
    protected override ValueTask AroundReceive(object message)
    {
        if (_stopping)
        {
            Context.System.DeadLetters.Tell(message, Sender);
            return default;
        }

        ValueTask handling;
        try
        {
            handling = Dispatch(message);
        }
        catch
        {
            DiscardPending();
            throw;
        }
        return handling.IsCompletedSuccessfully && _pending.Count == 0 ? default : FinishCommandAsync(handling);
    }

    /// <summary>Replies about snapshots and deletes that the actor does not handle are expected; failures are logged.</summary>
    protected override void Unhandled(object message)
    {
        switch (message)
        {
            case SaveSnapshotFailure failure:
                Context.Log.Warning($"Saving the snapshot of '{PersistenceId}' at {failure.Metadata.SequenceNr} failed: {failure.Cause.Message}");
                return;
            case DeleteMessagesFailure failure:
                Context.Log.Warning($"Deleting events of '{PersistenceId}' up to {failure.ToSequenceNr} failed: {failure.Cause.Message}");
                return;
            case DeleteSnapshotsFailure failure:
                Context.Log.Warning($"Deleting snapshots of '{PersistenceId}' failed: {failure.Cause.Message}");
                return;
            case IPersistenceResult:
                return;
            default:
                base.Unhandled(message);
                return;
        }
    }

    private void RunRecoveryHandler(object message)
    {
        foreach (var (type, handler) in _recoveryHandlers)
        {
            if (type.IsInstanceOfType(message))
            {
                handler(message);
                return;
            }
        }
        // An event no Recover handler takes: recovery goes on (like Akka, it is the actor's Unhandled business).
        Unhandled(message);
    }

    private bool HasRecoveryHandlerFor(Type type) => _recoveryHandlers.Exists(h => h.Type.IsAssignableFrom(type));

    private IJournal Journal => Persistence.Journal;

    private ISnapshotStore SnapshotStore => Persistence.Snapshots;

    // Stops for good (not a supervisor restart): continuing would build on state the store does not have.
    private void StopAfterFailure(Exception cause, string what)
    {
        _stopping = true;
        DiscardPending();
        Context.Log.Error(cause, $"{what}; stopping {Self.Path} so it never continues on state that was not stored.");
        Context.Stop(Self);
    }
}
