using System.CommandLine;
using FileSync.Cli.Output;

namespace FileSync.Cli.Palettes;

/// <summary>
/// <c>fs list|ls|put|get</c>: file systems and files. <c>put</c> and <c>get</c> stream (the file is never held
/// in memory) and show a progress bar on a terminal; <c>get</c> writes to a temporary file beside the target and
/// renames it at the end, so an interrupted download never leaves a truncated file under the real name.
/// </summary>
public sealed class FsPalette : IPalette
{
    public Command Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var list = new Command("list", "The node's file systems");
        context.SetNodeAction(list, ListAsync);

        var fs = CommonArguments.FileSystem();
        var start = CommonArguments.Start("files");
        var pageSize = CommonArguments.PageSize("files", byDefault: 100);
        var ls = new Command("ls", "Files of a file system, by name") { fs, start, pageSize };
        context.SetNodeAction(ls, call => LsAsync(call, call.Get(fs), call.Get(start), call.Get(pageSize)));

        var putFs = CommonArguments.FileSystem();
        var local = new Argument<FileInfo>("local") { Description = "Local file to upload" };
        var putName = new Argument<string>("name") { Description = "Name in the file system, e.g. /books/a.pdf" };
        var put = new Command("put", "Upload a local file (streamed)") { putFs, local, putName };
        context.SetNodeAction(put, call => PutAsync(call, call.Get(putFs), call.Get(local), call.Get(putName)));

        var getFs = CommonArguments.FileSystem();
        var getName = new Argument<string>("name") { Description = "Name in the file system" };
        var target = new Argument<FileInfo>("local") { Description = "Local file to write (replaced if it exists)" };
        var get = new Command("get", "Download a file (streamed)") { getFs, getName, target };
        context.SetNodeAction(get, call => GetAsync(call, call.Get(getFs), call.Get(getName), call.Get(target)));

        return new Command("fs", "File systems and files") { list, ls, put, get };
    }

    private static async Task<int> ListAsync(NodeCall call)
    {
        var names = await call.Store.AsyncFilesCommands.Admin.GetNamesAsync(call.Cancellation).ConfigureAwait(false);
        if (call.Output.Json)
        {
            call.Output.WriteJson(names, CliJson.Pascal);
            return ExitCodes.Success;
        }

        var table = Tables.Create("File system");
        foreach (var name in names) table.Row(name);
        call.Output.Write(table);
        return ExitCodes.Success;
    }

    private static async Task<int> LsAsync(NodeCall call, string fs, int start, int pageSize)
    {
        var files = await call.Store.AsyncFilesCommands.ForFileSystem(fs).BrowseAsync(start, pageSize, call.Cancellation).ConfigureAwait(false);
        if (call.Output.Json)
        {
            call.Output.WriteJson(files, CliJson.Pascal);
            return ExitCodes.Success;
        }

        var table = Tables.Create("Name", "Size", "ETag", "Last modified");
        foreach (var file in files) table.Row(file.FullPath, Tables.Bytes(file.TotalSize), file.Etag, file.LastModified);
        call.Output.Write(table.Titled(fs));
        call.Output.Line($"{files.Length} file(s)");
        return ExitCodes.Success;
    }

    private static async Task<int> PutAsync(NodeCall call, string fs, FileInfo local, string name)
    {
        if (!local.Exists) return call.Fail($"{local.FullName}: file not found");
        var size = local.Length;
        var etag = await Transfers.RunAsync(call.Output, $"put {name}", size, async progress =>
        {
            await using var content = new ProgressStream(local.OpenRead(), progress);
            return await call.Store.AsyncFilesCommands.ForFileSystem(fs).UploadAsync(name, content, ct: call.Cancellation).ConfigureAwait(false);
        }).ConfigureAwait(false);

        if (call.Output.Json) call.Output.WriteJson(new { FileSystem = fs, Name = name, Size = size, Etag = etag }, CliJson.Pascal);
        else call.Output.Line($"uploaded {local.Name} to {fs}{Slash(name)} ({Tables.Bytes(size)}, ETag {etag})");
        return ExitCodes.Success;
    }

    private static async Task<int> GetAsync(NodeCall call, string fs, string name, FileInfo target)
    {
        var partial = Path.Combine(target.DirectoryName ?? ".", $".{target.Name}.{Guid.NewGuid():N}.partial");
        await using var download = await call.Store.AsyncFilesCommands.ForFileSystem(fs).DownloadAsync(name, ct: call.Cancellation).ConfigureAwait(false);
        long written;
        try
        {
            written = await Transfers.RunAsync(call.Output, $"get {name}", download.Length, async progress =>
            {
                await using var file = File.Create(partial);
                await using var source = new ProgressStream(download.Content, progress);
                await source.CopyToAsync(file, 81920, call.Cancellation).ConfigureAwait(false);
                return file.Length;
            }).ConfigureAwait(false);
            File.Move(partial, target.FullName, overwrite: true);
        }
        finally
        {
            if (File.Exists(partial)) File.Delete(partial);
        }

        if (call.Output.Json) call.Output.WriteJson(new { FileSystem = fs, Name = name, Size = written, download.Etag, Local = target.FullName }, CliJson.Pascal);
        else call.Output.Line($"downloaded {fs}{Slash(name)} to {target.FullName} ({Tables.Bytes(written)}, ETag {download.Etag})");
        return ExitCodes.Success;
    }

    private static string Slash(string name) => name.StartsWith('/') ? name : "/" + name;
}
