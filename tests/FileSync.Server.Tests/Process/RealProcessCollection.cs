namespace FileSync.Server.Tests.Process;

/// <summary>Tests that start node processes and stream large files run one at a time: the machine has 2 cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealProcessCollection
{
    public const string Name = "Real node processes";
}
