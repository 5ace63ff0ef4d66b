using FileSync.Persistence.Serialization;

namespace FileSync.Persistence.Tests.Actors;

public sealed record GetStarts;

public sealed record Started(int Incarnation);

/// <summary>Persists one event from OnRecoveryCompleted every time it starts.</summary>
public sealed class StartCounter : ReceivePersistentActor
{
    private readonly string _id;
    private readonly List<int> _starts = [];

    public StartCounter(string id)
    {
        _id = id;
        Recover<Started>(e => _starts.Add(e.Incarnation));
        Command<GetStarts>(_ => Sender.Tell(_starts.ToList(), Self));
    }

    public override string PersistenceId => _id;

    protected override void OnRecoveryCompleted() => Persist(new Started(_starts.Count + 1), e => _starts.Add(e.Incarnation));

    public static EventSerializer Serializer() => ShoppingList.Serializer().Register<Started>("test.started");
}
