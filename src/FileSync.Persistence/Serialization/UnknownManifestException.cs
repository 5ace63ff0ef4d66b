namespace FileSync.Persistence.Serialization;

/// <summary>A stored event or snapshot carries a manifest no type is registered for.</summary>
public sealed class UnknownManifestException(string manifest)
    : Exception($"No type is registered for the stored manifest '{manifest}'; register it with EventSerializer.Register<T>(\"{manifest}\").")
{
    public string Manifest { get; } = manifest;
}
