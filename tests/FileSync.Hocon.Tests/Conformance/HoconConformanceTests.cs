using System.Text.Json;

namespace FileSync.Hocon.Tests.Conformance;

/// <summary>
/// Every <c>*.conf</c> and <c>*.json</c> in each <c>equivNN</c> folder of the shared conformance suite,
/// parsed and resolved, equals that folder's <c>original.json</c>. Includes of <c>.properties</c> files are supported, not skipped.
/// </summary>
public sealed class HoconConformanceTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        if (ConformanceFolder.Path is null)
        {
            // Keeps the theory runnable in CI so it fails there with the reason instead of "no data".
            data.Add("(missing)", "(missing)");
            return data;
        }

        foreach (var folder in Directory.GetDirectories(ConformanceFolder.Path, "equiv*").Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.GetFiles(folder).Where(IsCase).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(folder), Path.GetFileName(file));
            }
        }

        return data;
    }

    [ConformanceTheory]
    [MemberData(nameof(Cases))]
    public void Resolved_file_equals_original_json_including_properties_includes(string folder, string file)
    {
        Assert.True(ConformanceFolder.Path is not null, ConformanceFolder.MissingReason);
        var directory = Path.Combine(ConformanceFolder.Path, folder);

        var rendered = Hocon.ParseFile(Path.Combine(directory, file)).Resolve().ToJson();

        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "original.json")));
        using var actual = JsonDocument.Parse(rendered);
        var difference = JsonEquivalence.FirstDifference(expected.RootElement, actual.RootElement);
        Assert.True(difference is null, $"{folder}/{file}: {difference}\n{rendered}");
    }

    [ConformanceTheory]
    [MemberData(nameof(Folders))]
    public void Every_conformance_folder_has_cases_besides_original_json(string folder)
    {
        Assert.True(ConformanceFolder.Path is not null, ConformanceFolder.MissingReason);
        Assert.Contains(Directory.GetFiles(Path.Combine(ConformanceFolder.Path, folder)), IsCase);
    }

    public static TheoryData<string> Folders()
    {
        var data = new TheoryData<string>();
        if (ConformanceFolder.Path is null)
        {
            data.Add("(missing)");
            return data;
        }

        foreach (var folder in Directory.GetDirectories(ConformanceFolder.Path, "equiv*").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(folder));
        }

        return data;
    }

    private static bool IsCase(string file) =>
        Path.GetFileName(file) != "original.json" && (file.EndsWith(".conf", StringComparison.Ordinal) || file.EndsWith(".json", StringComparison.Ordinal));
}
