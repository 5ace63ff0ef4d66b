using FileSync.Cli.Output;
using FileSync.Client;
using Spectre.Console;

namespace FileSync.Cli.Palettes;

/// <summary>The synchronization report table shared by <c>sync start</c>, <c>sync file</c> and <c>sync finished</c>.</summary>
internal static class SyncTables
{
    public static Table Reports() => Tables.Create("Destination", "File", "Type", "Transferred", "Copied", "Error");

    public static void AddReport(Table table, string destination, SynchronizationReport report) =>
        table.Row(destination, report.FileName, report.Type, Tables.Bytes(report.BytesTransfered), Tables.Bytes(report.BytesCopied), report.Exception?.Message);
}
