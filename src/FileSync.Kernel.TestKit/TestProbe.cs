using System.Collections.Concurrent;
using System.Diagnostics;
using FileSync.Kernel.Dispatch;
using Xunit;

namespace FileSync.Kernel.TestKit;

/// <summary>A reference whose messages a test can inspect: pass <see cref="Ref"/> as a recipient or sender, then
/// assert with <c>ExpectMsg</c>. Every wait is dilated by the time factor.</summary>
public sealed class TestProbe
{
    private readonly BlockingCollection<ReceivedMessage> _queue = [];
    private readonly TestKitSettings _settings;
    private DateTime? _deadline;

    internal TestProbe(ActorSystem system, TestKitSettings settings, string name)
    {
        System = system;
        _settings = settings;
        Ref = new ProbeRef(this, ActorPath.Root.Child("temp").Child(name));
    }

    public ActorSystem System { get; }

    public IActorRef Ref { get; }

    /// <summary>The sender of the last message taken from the probe.</summary>
    public IActorRef LastSender { get; private set; } = ActorRefs.Nobody;

    public int QueuedMessages => _queue.Count;

    /// <summary>Sends <paramref name="message"/> to <paramref name="target"/> with this probe as the sender.</summary>
    public void Send(IActorRef target, object message)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(message, Ref);
    }

    /// <summary>Answers the sender of the last received message.</summary>
    public void Reply(object message) => LastSender.Tell(message, Ref);

    /// <summary>Passes a message on keeping the last sender.</summary>
    public void Forward(IActorRef target, object message)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(message, LastSender);
    }

    /// <summary>Asks the kernel to send this probe <see cref="Terminated"/> when <paramref name="actor"/> stops.</summary>
    public IActorRef Watch(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor is LocalActorRef local) local.Cell.SendSystem(new WatchRequest(Ref));
        else Ref.Tell(new Terminated(actor), actor);
        return actor;
    }

    public void Unwatch(IActorRef actor)
    {
        if (actor is LocalActorRef local) local.Cell.SendSystem(new UnwatchRequest(Ref));
    }

    public TimeSpan Dilated(TimeSpan duration) => _settings.Dilated(duration);

    /// <summary>Takes the next message, or null when none came in time.</summary>
    public object? ReceiveOne(TimeSpan? timeout = null)
    {
        if (!_queue.TryTake(out var received, RemainingOrDefault(timeout))) return null;
        LastSender = received.Sender ?? ActorRefs.Nobody;
        return received.Message;
    }

    /// <summary>Expects the next message to be a <typeparamref name="T"/> (matching <paramref name="predicate"/>).</summary>
    public T ExpectMsg<T>(Func<T, bool>? predicate = null, TimeSpan? timeout = null)
    {
        var wait = RemainingOrDefault(timeout);
        var message = ReceiveOne(wait) ?? throw Failure($"Timeout ({wait.TotalMilliseconds:0} ms) waiting for a {typeof(T).Name} at {Ref.Path}.");
        if (message is not T typed) throw Failure($"Expected a {typeof(T).Name} at {Ref.Path} but got {Describe(message)}.");
        if (predicate is not null && !predicate(typed)) throw Failure($"The {typeof(T).Name} received at {Ref.Path} did not match the predicate: {Describe(message)}.");
        return typed;
    }

    /// <summary>Expects the next message to equal <paramref name="expected"/>.</summary>
    public T ExpectMsg<T>(T expected, TimeSpan? timeout = null)
    {
        var wait = RemainingOrDefault(timeout);
        var message = ReceiveOne(wait) ?? throw Failure($"Timeout ({wait.TotalMilliseconds:0} ms) waiting for {Describe(expected)} at {Ref.Path}.");
        if (message is not T typed || !EqualityComparer<T>.Default.Equals(typed, expected))
            throw Failure($"Expected {Describe(expected)} at {Ref.Path} but got {Describe(message)}.");
        return typed;
    }

    /// <summary>Skips messages until one is a <typeparamref name="T"/> matching <paramref name="predicate"/>.</summary>
    public T FishForMessage<T>(Func<T, bool> predicate, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var end = DateTime.UtcNow + RemainingOrDefault(timeout);
        while (true)
        {
            var left = end - DateTime.UtcNow;
            var message = left > TimeSpan.Zero ? ReceiveOne(left) : null;
            if (message is null) throw Failure($"No {typeof(T).Name} matching the predicate arrived at {Ref.Path} in time.");
            if (message is T typed && predicate(typed)) return typed;
        }
    }

    /// <summary>Expects <paramref name="count"/> messages of any kind and returns them in arrival order.</summary>
    public IReadOnlyList<object> ReceiveN(int count, TimeSpan? timeout = null)
    {
        var end = DateTime.UtcNow + RemainingOrDefault(timeout);
        var messages = new List<object>(count);
        while (messages.Count < count)
        {
            var left = end - DateTime.UtcNow;
            var message = left > TimeSpan.Zero ? ReceiveOne(left) : null;
            if (message is null) throw Failure($"Received only {messages.Count} of {count} messages at {Ref.Path} in time.");
            messages.Add(message);
        }

        return messages;
    }

    /// <summary>Fails if any message arrives within <paramref name="duration"/>.</summary>
    public void ExpectNoMsg(TimeSpan? duration = null)
    {
        var wait = duration is { } d ? Dilated(d) : Dilated(_settings.DefaultNoMessageWait);
        var message = ReceiveOne(wait);
        if (message is not null) throw Failure($"Expected no message at {Ref.Path} for {wait.TotalMilliseconds:0} ms but got {Describe(message)}.");
    }

    /// <summary>Expects the <see cref="Terminated"/> of <paramref name="actor"/> (watch it first with <see cref="Watch"/>).</summary>
    public Terminated ExpectTerminated(IActorRef actor, TimeSpan? timeout = null) =>
        ExpectMsg<Terminated>(t => ReferenceEquals(t.ActorRef, actor) || t.ActorRef.Path.Equals(actor.Path), timeout);

    /// <summary>Runs <paramref name="action"/>, which must finish within <paramref name="max"/>; inside it, expectations
    /// without an explicit timeout wait only for the time that is left.</summary>
    public void Within(TimeSpan max, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Within(max, () =>
        {
            action();
            return true;
        });
    }

    public T Within<T>(TimeSpan max, Func<T> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var dilated = Dilated(max);
        var outer = _deadline;
        var watch = Stopwatch.StartNew();
        _deadline = DateTime.UtcNow + dilated;
        try
        {
            var result = action();
            if (watch.Elapsed > dilated) throw Failure($"The block took {watch.Elapsed.TotalMilliseconds:0} ms, more than the allowed {dilated.TotalMilliseconds:0} ms.");
            return result;
        }
        finally
        {
            _deadline = outer;
        }
    }

    internal TimeSpan RemainingOrDefault(TimeSpan? timeout)
    {
        if (timeout is { } explicitTimeout) return Dilated(explicitTimeout);
        if (_deadline is { } deadline)
        {
            var left = deadline - DateTime.UtcNow;
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }

        return Dilated(_settings.DefaultTimeout);
    }

    private static Xunit.Sdk.XunitException Failure(string message) => new(message);

    private static string Describe(object? message) => message switch
    {
        null => "null",
        string s => $"\"{s}\"",
        _ => $"{message.GetType().Name} {message}",
    };

    private void Enqueue(object message, IActorRef? sender) => _queue.Add(new ReceivedMessage(message, sender));

    private sealed record ReceivedMessage(object Message, IActorRef? Sender);

    private sealed class ProbeRef(TestProbe probe, ActorPath path) : IActorRef
    {
        public ActorPath Path { get; } = path;

        public void Tell(object message, IActorRef? sender = null)
        {
            ArgumentNullException.ThrowIfNull(message);
            probe.Enqueue(message, sender);
        }

        public override string ToString() => Path.ToString();
    }
}
