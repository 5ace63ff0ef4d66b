namespace FileSync.Sync.Contracts;

/// <summary>A page of a list route (<c>Finished</c>, <c>Active</c>, <c>Pending</c>, …): <c>{"TotalCount":n,"Items":[…]}</c>.</summary>
public sealed record ListPage<T>(int TotalCount, IReadOnlyList<T> Items)
{
    public static ListPage<T> Of(IReadOnlyCollection<T> all, int start, int pageSize) =>
        new(all.Count, all.Skip(Math.Max(0, start)).Take(Math.Max(0, pageSize)).ToList());
}
