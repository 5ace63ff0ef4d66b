using System.Globalization;
using Spectre.Console;

namespace FileSync.Cli.Output;

/// <summary>Small helpers for the tables every palette prints.</summary>
public static class Tables
{
    /// <summary>A table with these column headers.</summary>
    public static Table Create(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in headers) table.AddColumn(new TableColumn(Markup.Escape(header)));
        return table;
    }

    /// <summary>Adds a row of plain values (never interpreted as markup); null shows as an empty cell.</summary>
    public static Table Row(this Table table, params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.AddRow(values.Select(v => new Text(Format(v))).ToArray());
        return table;
    }

    /// <summary>Sets a plain-text title above the table.</summary>
    public static Table Titled(this Table table, string title)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.Title = new TableTitle(Markup.Escape(title));
        return table;
    }

    /// <summary>A two-column name/value table.</summary>
    public static Table Properties(IEnumerable<(string Name, object? Value)> properties)
    {
        var table = Create("Property", "Value");
        foreach (var (name, value) in properties) table.Row(name, value);
        return table;
    }

    public static string Format(object? value) => value switch
    {
        null => "",
        bool b => b ? "yes" : "no",
        DateTimeOffset d => d.ToString("u", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Bytes as people read them: 1.5 MiB.</summary>
    public static string Bytes(long? bytes)
    {
        if (bytes is not { } b) return "";
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        double value = b;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{b} B")
            : string.Create(CultureInfo.InvariantCulture, $"{value:0.#} {units[unit]}");
    }
}
