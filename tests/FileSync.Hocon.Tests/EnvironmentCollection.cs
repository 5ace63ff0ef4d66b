namespace FileSync.Hocon.Tests;

/// <summary>Tests that set process environment variables, or read keys those variables override, run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "process environment";
}
