namespace FileSync.Benchmarks;

/// <summary>One named benchmark: measures a figure and its same-run baseline, prints both and the ratio.</summary>
public interface IBenchmarkSuite
{
    string Name { get; }
    string Description { get; }
    Task RunAsync(string[] args);
}
