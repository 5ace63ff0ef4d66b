namespace FileSync.Kernel;

/// <summary>Where an actor lives in the tree, e.g. <c>/user/files/docs</c>. Immutable; compared by its text.</summary>
public sealed class ActorPath : IEquatable<ActorPath>
{
    private readonly string _text;

    private ActorPath(ActorPath? parent, string name)
    {
        Parent = parent;
        Name = name;
        _text = parent is null ? "/" : parent.Parent is null ? "/" + name : parent._text + "/" + name;
    }

    /// <summary>The root path <c>/</c>.</summary>
    public static ActorPath Root { get; } = new(null, "");

    /// <summary>The last element of the path ("" for the root).</summary>
    public string Name { get; }

    public ActorPath? Parent { get; }

    /// <summary>The path of a child called <paramref name="name"/> below this one.</summary>
    public ActorPath Child(string name) => new(this, name);

    /// <summary>The names from the root down, without the root itself: <c>["user", "a"]</c>.</summary>
    public IReadOnlyList<string> Elements
    {
        get
        {
            var names = new List<string>();
            for (var p = this; p.Parent is not null; p = p.Parent) names.Add(p.Name);
            names.Reverse();
            return names;
        }
    }

    public bool Equals(ActorPath? other) => other is not null && string.Equals(_text, other._text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as ActorPath);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_text);

    public override string ToString() => _text;
}
