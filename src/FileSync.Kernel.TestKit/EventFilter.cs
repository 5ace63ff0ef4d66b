using Xunit.Sdk;

namespace FileSync.Kernel.TestKit;

/// <summary>Builds expectations about events on the event stream: logged errors/warnings and dead letters.
/// Example: <c>EventFilter.Exception&lt;IOException&gt;().Expect(1, () =&gt; actor.Tell("boom"))</c>.</summary>
public sealed class EventFilterFactory
{
    private readonly ActorSystem _system;
    private readonly TestKitSettings _settings;

    internal EventFilterFactory(ActorSystem system, TestKitSettings settings)
    {
        _system = system;
        _settings = settings;
    }

    /// <summary>Logged errors whose cause is a <typeparamref name="TException"/> (optionally whose message contains a text).</summary>
    public EventFilter Exception<TException>(string? messageContains = null) where TException : Exception =>
        Create<Error>($"an error caused by {typeof(TException).Name}", e => e.Cause is TException && Contains(e.Message, messageContains));

    public EventFilter Error(string? messageContains = null) =>
        Create<Error>("an error", e => Contains(e.Message, messageContains));

    public EventFilter Warning(string? messageContains = null) =>
        Create<Warning>("a warning", e => Contains(e.Message, messageContains));

    public EventFilter Info(string? messageContains = null) =>
        Create<Info>("an info entry", e => Contains(e.Message, messageContains));

    /// <summary>Dead letters carrying a <typeparamref name="TMessage"/>.</summary>
    public EventFilter DeadLetter<TMessage>() =>
        Create<DeadLetter>($"a dead letter of {typeof(TMessage).Name}", d => d.Message is TMessage);

    /// <summary>Unhandled messages of type <typeparamref name="TMessage"/>.</summary>
    public EventFilter Unhandled<TMessage>() =>
        Create<UnhandledMessage>($"an unhandled {typeof(TMessage).Name}", u => u.Message is TMessage);

    private EventFilter Create<TEvent>(string description, Func<TEvent, bool> match) where TEvent : class =>
        new(_system, _settings, typeof(TEvent), description, e => match((TEvent)e));

    private static bool Contains(string message, string? part) => part is null || message.Contains(part, StringComparison.Ordinal);
}

/// <summary>One expectation: while an action runs, exactly N matching events must be published.</summary>
public sealed class EventFilter
{
    private readonly ActorSystem _system;
    private readonly TestKitSettings _settings;
    private readonly Type _eventType;
    private readonly string _description;
    private readonly Func<object, bool> _match;

    internal EventFilter(ActorSystem system, TestKitSettings settings, Type eventType, string description, Func<object, bool> match)
    {
        _system = system;
        _settings = settings;
        _eventType = eventType;
        _description = description;
        _match = match;
    }

    public void ExpectOne(Action action, TimeSpan? timeout = null) => Expect(1, action, timeout);

    /// <summary>Runs <paramref name="action"/>, then waits until <paramref name="count"/> matching events were
    /// published (counting from the start of the action) and fails on fewer or more.</summary>
    public void Expect(int count, Action action, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        ExpectAsync(count, () =>
        {
            action();
            return Task.CompletedTask;
        }, timeout).GetAwaiter().GetResult();
    }

    public async Task ExpectAsync(int count, Func<Task> action, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), count, "The expected count cannot be negative.");
        var seen = 0;
        using var subscription = _system.EventStream.Subscribe<object>(e =>
        {
            if (_eventType.IsInstanceOfType(e) && _match(e)) Interlocked.Increment(ref seen);
        });

        await action().ConfigureAwait(false);
        var end = DateTime.UtcNow + _settings.Dilated(timeout ?? _settings.DefaultTimeout);
        while (Volatile.Read(ref seen) < count && DateTime.UtcNow < end) await Task.Delay(10).ConfigureAwait(false);

        // Give stragglers a moment so "more than expected" is noticed too.
        await Task.Delay(_settings.Dilated(TimeSpan.FromMilliseconds(50))).ConfigureAwait(false);
        var final = Volatile.Read(ref seen);
        if (final != count) throw new XunitException($"Expected {count} occurrence(s) of {_description} but saw {final}.");
    }
}
