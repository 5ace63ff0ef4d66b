namespace FileSync.Hocon.Resolution;

/// <summary>
/// Replaces substitutions in a parsed tree with their values. Lookups walk the unresolved tree
/// and resolve only what lies on their path, so forward references work; each node is resolved once.
/// </summary>
/// <remarks>
/// Self-references (<c>path = ${path} [x]</c>) are recognised lexically: while definition <c>i</c> of a
/// key is being resolved, a substitution of that key (or below it) written inside it sees only
/// definitions <c>0..i-1</c>. A lookup that reaches a key that is still being resolved any other way is a cycle.
/// </remarks>
internal sealed class Resolver
{
    private readonly HoconObject _root;
    private readonly Func<string, string?> _environment;
    private readonly Dictionary<HoconValue, HoconValue?> _resolved = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<HoconValue> _inProgress = new(ReferenceEqualityComparer.Instance);

    // Definitions being resolved, innermost last; a null entry marks where a lookup began,
    // so self-reference search never crosses from one lookup into the code that started it.
    private readonly List<Frame?> _frames = [];
    private readonly List<string> _lookupChain = [];

    private Resolver(HoconObject root, Func<string, string?> environment)
    {
        _root = root;
        _environment = environment;
    }

    public static HoconObject Resolve(HoconObject root, Func<string, string?>? environment = null)
    {
        var resolver = new Resolver(root, environment ?? Environment.GetEnvironmentVariable);
        return (HoconObject)resolver.ResolveValue(root, HoconPath.Root)!;
    }

    /// <summary>The resolved value, or null when it is undefined (an optional substitution that found nothing).</summary>
    private HoconValue? ResolveValue(HoconValue value, HoconPath path) => value switch
    {
        HoconScalar scalar => scalar,
        HoconSubstitution substitution => Lookup(substitution),
        HoconObject obj => Memoized(obj, () => ResolveObject(obj, path)),
        HoconArray array => Memoized(array, () => ResolveArray(array, path)),
        HoconConcatenation concatenation => Memoized(concatenation, () => Concatenation.Join(concatenation, part => ResolveValue(part, path))),
        HoconMergeStack stack => ResolveStack(stack, path),
        _ => throw new InvalidOperationException($"unknown node {value.GetType().Name}"),
    };

    private HoconValue? Memoized(HoconValue node, Func<HoconValue?> compute)
    {
        if (_resolved.TryGetValue(node, out var done))
        {
            return done;
        }

        _inProgress.Add(node);
        try
        {
            var result = compute();
            _resolved[node] = result;
            return result;
        }
        finally
        {
            _inProgress.Remove(node);
        }
    }

    private HoconObject ResolveObject(HoconObject obj, HoconPath path)
    {
        var result = new HoconObject(obj.Position);
        foreach (var (key, value) in obj.Fields)
        {
            var resolved = ResolveValue(value, path.Append(key));
            if (resolved is not null)
            {
                result.Set(key, resolved);
            }
        }

        return result;
    }

    private HoconArray ResolveArray(HoconArray array, HoconPath path)
    {
        var items = new List<HoconValue>();
        foreach (var item in array.Items)
        {
            var resolved = ResolveValue(item, path);
            if (resolved is not null)
            {
                items.Add(resolved);
            }
        }

        return new HoconArray(items, array.Position);
    }

    private HoconValue? ResolveStack(HoconMergeStack stack, HoconPath path)
    {
        if (_resolved.TryGetValue(stack, out var done))
        {
            return done;
        }

        _inProgress.Add(stack);
        try
        {
            var result = ResolveDefinitions(stack, path, stack.Definitions.Count);
            _resolved[stack] = result;
            return result;
        }
        finally
        {
            _inProgress.Remove(stack);
        }
    }

    /// <summary>The value of the first <paramref name="count"/> definitions: the last defined one, merged with earlier objects while it is an object.</summary>
    private HoconValue? ResolveDefinitions(HoconMergeStack stack, HoconPath path, int count)
    {
        HoconObject? merged = null;
        for (var i = count - 1; i >= 0; i--)
        {
            _frames.Add(new Frame(path, stack, i));
            HoconValue? value;
            try
            {
                value = ResolveValue(stack.Definitions[i], path);
            }
            finally
            {
                _frames.RemoveAt(_frames.Count - 1);
            }

            switch (value)
            {
                case null:
                    continue;
                case HoconObject obj:
                    merged = merged is null ? obj : Merging.MergeResolved(merged, obj);
                    continue;
                default:
                    return merged ?? value;
            }
        }

        return merged;
    }

    private HoconValue? Lookup(HoconSubstitution substitution)
    {
        var candidates = substitution.IncludePrefix.IsRoot
            ? [substitution.Path]
            : new[] { substitution.IncludePrefix.Append(substitution.Path), substitution.Path };

        foreach (var path in candidates)
        {
            var found = FindSelfReference(path, substitution) ?? FindInTree(path, substitution);
            if (found.Exists)
            {
                return found.Value;
            }
        }

        var variable = _environment(substitution.Path.ToString());
        if (variable is not null)
        {
            return HoconScalar.QuotedString(variable, substitution.Position);
        }

        if (substitution.Optional)
        {
            return null;
        }

        throw new HoconException(substitution.Position,
            $"could not resolve substitution {substitution}: there is no setting '{substitution.Path}' and no environment variable of that name");
    }

    /// <summary>If <paramref name="path"/> refers to a key being defined around the substitution, its earlier definitions.</summary>
    private LookupResult? FindSelfReference(HoconPath path, HoconSubstitution substitution)
    {
        for (var i = _frames.Count - 1; i >= 0; i--)
        {
            if (_frames[i] is not { } frame)
            {
                return null;
            }

            if (!path.StartsWith(frame.Path))
            {
                continue;
            }

            var earlier = WithLookup(substitution, () =>
            {
                _frames.Add(null);
                try
                {
                    return ResolveDefinitions(frame.Stack, frame.Path, frame.Index);
                }
                finally
                {
                    _frames.RemoveAt(_frames.Count - 1);
                }
            });
            return Descend(earlier, path.Skip(frame.Path.Count));
        }

        return null;
    }

    /// <summary>Walks from the root, resolving only the nodes on the way.</summary>
    private LookupResult FindInTree(HoconPath path, HoconSubstitution substitution) => WithLookup(substitution, () =>
    {
        _frames.Add(null);
        try
        {
            HoconValue node = _root;
            for (var i = 0; i < path.Count; i++)
            {
                var container = node as HoconObject ?? ResolveOnPath(node, new HoconPath(path.Elements.Take(i)), substitution) as HoconObject;
                if (container is null || !container.TryGetValue(path.Elements[i], out var child))
                {
                    return LookupResult.Missing;
                }

                node = child;
            }

            var value = ResolveOnPath(node, path, substitution);
            return value is null ? LookupResult.Missing : new LookupResult(true, value);
        }
        finally
        {
            _frames.RemoveAt(_frames.Count - 1);
        }
    });

    private HoconValue? ResolveOnPath(HoconValue node, HoconPath path, HoconSubstitution substitution)
    {
        if (_inProgress.Contains(node))
        {
            throw new HoconException(substitution.Position,
                $"substitution {substitution} is part of a cycle: {string.Join(" -> ", _lookupChain)}");
        }

        return ResolveValue(node, path);
    }

    private T WithLookup<T>(HoconSubstitution substitution, Func<T> lookup)
    {
        _lookupChain.Add(substitution.ToString());
        try
        {
            return lookup();
        }
        finally
        {
            _lookupChain.RemoveAt(_lookupChain.Count - 1);
        }
    }

    private static LookupResult Descend(HoconValue? value, HoconPath rest)
    {
        foreach (var element in rest.Elements)
        {
            if (value is not HoconObject obj || !obj.TryGetValue(element, out var child))
            {
                return LookupResult.Missing;
            }

            value = child;
        }

        return value is null ? LookupResult.Missing : new LookupResult(true, value);
    }

    private sealed record Frame(HoconPath Path, HoconMergeStack Stack, int Index);

    private readonly record struct LookupResult(bool Exists, HoconValue? Value)
    {
        public static LookupResult Missing => new(false, null);
    }
}
