using FileSync.Persistence.Serialization;

namespace FileSync.Persistence.Tests.Serialization;

public sealed class EventSerializerTests
{
    private sealed record ItemAdded(string Name, int Count);

    private sealed record ItemRemoved(string Name);

    [Fact]
    public void Serializer_round_trips_a_registered_event_under_its_manifest()
    {
        var serializer = new EventSerializer().Register<ItemAdded>("item-added.v1");

        var (manifest, payload) = serializer.Serialize(new ItemAdded("a", 2));
        var back = serializer.Deserialize(manifest, payload);

        Assert.Equal("item-added.v1", manifest);
        Assert.Equal(new ItemAdded("a", 2), back);
        Assert.DoesNotContain("ItemAdded", System.Text.Encoding.UTF8.GetString(payload), StringComparison.Ordinal);
    }

    [Fact]
    public void Serializer_names_an_unknown_manifest_at_replay()
    {
        var serializer = new EventSerializer();

        var error = Assert.Throws<UnknownManifestException>(() => serializer.Deserialize("gone-event.v1", "{}"u8));

        Assert.Equal("gone-event.v1", error.Manifest);
        Assert.Contains("'gone-event.v1'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Serializer_refuses_an_unregistered_type_with_the_fix_in_the_message()
    {
        var serializer = new EventSerializer();

        var error = Assert.Throws<UnregisteredTypeException>(() => serializer.Serialize(new ItemRemoved("x")));

        Assert.Contains("Register<ItemRemoved>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Serializer_refuses_one_manifest_for_two_types_and_two_manifests_for_one_type()
    {
        var serializer = new EventSerializer().Register<ItemAdded>("item-added.v1");

        Assert.Throws<ArgumentException>(() => serializer.Register<ItemRemoved>("item-added.v1"));
        Assert.Throws<ArgumentException>(() => serializer.Register<ItemAdded>("item-added.v2"));
        serializer.Register<ItemAdded>("item-added.v1"); // the same pair again is harmless
    }
}
