using System.Diagnostics.CodeAnalysis;

namespace FileSync.Sync.Synchronizers;

/// <summary>
/// A synchronizer's identity: one id for its push and one for its pull. Shown as <c>$&lt;push&gt;+&lt;pull&gt;</c>
/// (API.md §6); the phases show <c>$&lt;push&gt;</c> and <c>$&lt;pull&gt;</c>.
/// </summary>
public readonly record struct SynchronizerId(Guid Push, Guid Pull)
{
    public static SynchronizerId New() => new(Guid.NewGuid(), Guid.NewGuid());

    public string PushText => "$" + Push.ToString("D");

    public string PullText => "$" + Pull.ToString("D");

    /// <summary>The synchronizer's own actor and persistence names ('$' and '+' are not valid in actor names).</summary>
    public string ActorName => $"synchronizer-{Push:N}-{Pull:N}";

    public string PersistenceId => "storage-" + ActorName;

    public override string ToString() => $"${Push:D}+{Pull:D}";

    /// <summary>Parses <c>$&lt;guid&gt;+&lt;guid&gt;</c> (the leading <c>$</c> optional; a space stands for a <c>+</c> that a form decoder turned into one).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out SynchronizerId? id)
    {
        id = null;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var body = text.Trim().TrimStart('$');
        var plus = body.IndexOfAny(['+', ' ']);
        if (plus < 0) return false;
        if (!Guid.TryParse(body.AsSpan(0, plus), out var push) || !Guid.TryParse(body.AsSpan(plus + 1).TrimStart('$'), out var pull)) return false;
        id = new SynchronizerId(push, pull);
        return true;
    }
}
