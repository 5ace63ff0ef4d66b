namespace FileSync.Persistence.Serialization;

/// <summary>Something was persisted whose type has no manifest registered.</summary>
public sealed class UnregisteredTypeException(Type type)
    : Exception($"{type.FullName} has no registered manifest; register it with EventSerializer.Register<{type.Name}>(\"a-stable-name\") before persisting it.")
{
    public Type Type { get; } = type;
}
