using System.Reflection;
using FileSync.Benchmarks;

// Usage: dotnet run -c Release --project tests/FileSync.Benchmarks -- <suite|all> [suite options]
// Each suite measures its figure against a baseline in the same run and prints the ratio.
var suites = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(IBenchmarkSuite).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchmarkSuite)Activator.CreateInstance(t)!)
    .OrderBy(s => s.Name, StringComparer.Ordinal)
    .ToList();

if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("usage: FileSync.Benchmarks <suite|all> [options]");
    foreach (var s in suites) Console.WriteLine($"  {s.Name,-16} {s.Description}");
    return args.Length == 0 ? 1 : 0;
}

var chosen = args[0] == "all" ? suites : suites.Where(s => s.Name == args[0]).ToList();
if (chosen.Count == 0)
{
    Console.Error.WriteLine($"unknown suite '{args[0]}'; known: {string.Join(", ", suites.Select(s => s.Name))}");
    return 2;
}
foreach (var suite in chosen)
{
    Console.WriteLine($"## {suite.Name}: {suite.Description}");
    await suite.RunAsync(args.Skip(1).ToArray());
}
return 0;
