namespace FileSync.Client;

/// <summary>One page of a longer list, with the length of the whole list.</summary>
public sealed record ItemList<T>
{
    public long TotalCount { get; init; }
    public T[] Items { get; init; } = [];
}
