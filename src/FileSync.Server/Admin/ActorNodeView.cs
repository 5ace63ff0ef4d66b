using FileSync.Kernel;

namespace FileSync.Server.Admin;

/// <summary>
/// One actor of <c>GET /admin/actors</c>. <see cref="ChildCount"/> is always the real number of children,
/// so a tree cut at the requested depth still says how much lies below (<see cref="Children"/> is then empty).
/// </summary>
public sealed record ActorNodeView(string Path, string Type, int MailboxDepth, int ChildCount, IReadOnlyList<ActorNodeView> Children)
{
    /// <summary>The subtree of <paramref name="actor"/>, <paramref name="depth"/> levels of children deep (null: all).</summary>
    public static ActorNodeView From(ActorInfo actor, int? depth)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var children = depth is <= 0
            ? []
            : actor.Children.Select(c => From(c, depth - 1)).ToList();
        return new ActorNodeView(actor.Path, actor.ActorType, actor.MailboxDepth, actor.Children.Count, children);
    }
}

/// <summary>Finds actors in a snapshot of the tree.</summary>
public static class ActorTree
{
    /// <summary>The actor at <paramref name="path"/> (e.g. <c>/user/destinations</c>; a trailing '/' is ignored), or null.</summary>
    public static ActorInfo? Find(ActorInfo root, string path)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(path);
        var current = root;
        foreach (var name in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            current = current.Children.FirstOrDefault(c => c.Path.EndsWith("/" + name, StringComparison.Ordinal));
            if (current is null) return null;
        }

        return current;
    }

    /// <summary>How many actors the tree holds, <paramref name="root"/> included.</summary>
    public static int Count(ActorInfo root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return 1 + root.Children.Sum(Count);
    }
}
