using FileSync.Cli.Output;
using FileSync.Client;
using Spectre.Console;

namespace FileSync.Cli.Palettes;

/// <summary>The synchronization report table shared by <c>sync start</c>, <c>sync file</c> and <c>sync finished</c>.</summary>
internal static class SyncTables
{
    /// <summary>RavenFS's answer when the destination already has this version: nothing to do, not a failure.</summary>
    public const string HadInPast = "Destination server had this file in the past";

    /// <summary>The report describes a failure (an error other than "already there").</summary>
    public static bool Failed(SynchronizationReport report) =>
        report.Exception is { } error && !error.Message.StartsWith(HadInPast, StringComparison.Ordinal);

    public static Table Reports() => Tables.Create("Destination", "File", "Type", "Transferred", "Copied", "Error");

    public static void AddReport(Table table, string destination, SynchronizationReport report) =>
        table.Row(destination, report.FileName, report.Type, Tables.Bytes(report.BytesTransfered), Tables.Bytes(report.BytesCopied), report.Exception?.Message);
}
