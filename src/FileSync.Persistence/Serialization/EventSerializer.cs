using System.Collections.Concurrent;
using System.Text.Json;

namespace FileSync.Persistence.Serialization;

/// <summary>
/// Turns events and snapshots into bytes with System.Text.Json. Every type is registered under a stable
/// manifest string chosen by its owner (never a CLR type name), so types can be renamed or moved without
/// breaking stored histories. Registration is expected at start-up; lookups are lock-free afterwards.
/// </summary>
public sealed class EventSerializer
{
    private readonly ConcurrentDictionary<string, Type> _typesByManifest = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, string> _manifestsByType = new();
    private readonly JsonSerializerOptions _options;

    public EventSerializer(JsonSerializerOptions? options = null)
    {
        _options = options ?? new JsonSerializerOptions(JsonSerializerDefaults.General);
    }

    /// <summary>Registers <typeparamref name="T"/> under <paramref name="manifest"/>; returns this for chaining.</summary>
    public EventSerializer Register<T>(string manifest) => Register(typeof(T), manifest);

    /// <summary>Registers a type under a manifest. Registering the same pair twice is harmless; a clash is an error.</summary>
    public EventSerializer Register(Type type, string manifest)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (string.IsNullOrWhiteSpace(manifest)) throw new ArgumentException($"The manifest for {type.Name} must not be empty.", nameof(manifest));

        var storedType = _typesByManifest.GetOrAdd(manifest, type);
        if (storedType != type)
        {
            throw new ArgumentException($"Manifest '{manifest}' is already registered for {storedType.FullName}; cannot register it for {type.FullName} too.", nameof(manifest));
        }
        var storedManifest = _manifestsByType.GetOrAdd(type, manifest);
        if (storedManifest != manifest)
        {
            throw new ArgumentException($"{type.FullName} is already registered as '{storedManifest}'; cannot register it as '{manifest}' too.", nameof(manifest));
        }
        return this;
    }

    /// <summary>The manifest of a registered type.</summary>
    public string ManifestOf(Type type) =>
        _manifestsByType.TryGetValue(type, out var manifest)
            ? manifest
            : throw new UnregisteredTypeException(type);

    /// <summary>Serializes a value of a registered type; returns its manifest and UTF-8 JSON bytes.</summary>
    public (string Manifest, byte[] Payload) Serialize(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var type = value.GetType();
        return (ManifestOf(type), JsonSerializer.SerializeToUtf8Bytes(value, type, _options));
    }

    /// <summary>Rebuilds a value from its manifest and payload; an unknown manifest is an <see cref="UnknownManifestException"/>.</summary>
    public object Deserialize(string manifest, ReadOnlySpan<byte> payload)
    {
        if (!_typesByManifest.TryGetValue(manifest, out var type)) throw new UnknownManifestException(manifest);
        return JsonSerializer.Deserialize(payload, type, _options)
            ?? throw new JsonException($"The stored payload for manifest '{manifest}' is JSON null.");
    }
}
