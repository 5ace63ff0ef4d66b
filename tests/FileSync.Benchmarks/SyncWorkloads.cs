using System.Globalization;

namespace FileSync.Benchmarks;

/// <summary>A change a workload made to the local "truth" folder, replayed on node A over HTTP.</summary>
public abstract record SyncChange(string Name)
{
    public sealed record Upload(string Name) : SyncChange(Name);
    public sealed record Metadata(string Name) : SyncChange(Name);
    public sealed record Rename(string Name, string NewName) : SyncChange(Name);
}

/// <summary>One BENCHMARKS.md workload: what it changes in the truth folder, how many bytes that is, and the goal.</summary>
public sealed record SyncWorkload(string Id, string Description, string Goal, Func<SyncTruth, IReadOnlyList<SyncChange>> Apply)
{
    /// <summary>Content bytes the workload changed (the yardstick for wire bytes); 0 for metadata and renames.</summary>
    public long ChangedBytes { get; set; }
}

/// <summary>
/// The local folder both systems synchronize from: rsync pushes it as is, node A receives each change over HTTP.
/// Node names are the folder's relative paths with a leading '/'.
/// </summary>
public sealed class SyncTruth(string folder, long bigFileSize, int smallFiles)
{
    public const string BigFile = "/big.bin";
    public const int SmallFileSize = 4096;
    private const int FilesPerDirectory = 500;

    public string Folder { get; } = folder;
    public long BigFileSize { get; private set; } = bigFileSize;
    public int SmallFiles { get; } = smallFiles;

    public string Local(string name) => Path.Combine(Folder, name.TrimStart('/'));

    public static string SmallName(int i) =>
        string.Create(CultureInfo.InvariantCulture, $"/small/d{i / FilesPerDirectory:D2}/f{i % FilesPerDirectory:D3}.bin");

    public IReadOnlyList<SyncWorkload> Workloads()
    {
        var size = BigFileSize;
        var appended = Math.Max(1L << 20, size * 10 / 1024);
        return
        [
            new("W7", $"initial sync of a {Mib(size)} random file", "wall <= 1x rsync", t => t.WriteBigFile()) { ChangedBytes = size },
            new("W1", "1% changed as 1,000 scattered overwrites", "wire <= 1.5x changed; wall <= 0.5x rsync",
                t => t.Overwrite(1000, (int)(size / 100 / 1000), seed: 11)) { ChangedBytes = size / 100 / 1000 * 1000 },
            new("W1b", "100 scattered 100-byte edits", "wire <= 0.3x rsync", t => t.Overwrite(100, 100, seed: 12)) { ChangedBytes = 100 * 100 },
            new("W2", "insert 1 byte at offset 1000", "wire <= 0.1x rsync; wall <= 0.5x rsync", t => t.InsertByte(1000)) { ChangedBytes = 1 },
            new("W3", $"append {Mib(appended)}", "wire <= 1.05x appended; wall <= 0.2x rsync", t => t.Append(appended)) { ChangedBytes = appended },
            new("W4", $"{SmallFiles:N0} files of 4 KiB, initial sync", "wall <= 1x rsync", t => t.WriteSmallFiles()) { ChangedBytes = (long)SmallFiles * SmallFileSize },
            new("W4r", "the same files, no-change resync", "wall <= 0.2x rsync", _ => []),
            new("W5", $"metadata (not content) of {Math.Min(1000, SmallFiles):N0} files", "no content bytes; wall <= 0.5x rsync",
                t => t.TouchSmallFiles(Math.Min(1000, SmallFiles))),
            new("W6", $"rename a directory of {Math.Min(FilesPerDirectory, SmallFiles)} files", "no content bytes", t => t.RenameFirstDirectory()),
        ];
    }

    private static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MiB");

    private IReadOnlyList<SyncChange> WriteBigFile()
    {
        var random = new Random(7);
        var block = new byte[1 << 20];
        Directory.CreateDirectory(Folder);
        using (var file = new FileStream(Local(BigFile), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            for (long written = 0; written < BigFileSize; written += block.Length)
            {
                random.NextBytes(block);
                file.Write(block, 0, (int)Math.Min(block.Length, BigFileSize - written));
            }
        }
        return [new SyncChange.Upload(BigFile)];
    }

    private IReadOnlyList<SyncChange> Overwrite(int count, int length, int seed)
    {
        var random = new Random(seed);
        var bytes = new byte[length];
        using (var file = new FileStream(Local(BigFile), FileMode.Open, FileAccess.Write))
        {
            var stride = BigFileSize / count;
            for (var i = 0; i < count; i++)
            {
                file.Position = i * stride + random.NextInt64(0, Math.Max(1, stride - length));
                random.NextBytes(bytes);
                file.Write(bytes);
            }
        }
        return [new SyncChange.Upload(BigFile)];
    }

    private IReadOnlyList<SyncChange> InsertByte(long offset)
    {
        var path = Local(BigFile);
        var temp = path + ".new";
        using (var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20))
        using (var output = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            var head = new byte[offset];
            input.ReadExactly(head);
            output.Write(head);
            output.WriteByte(0x5A);
            input.CopyTo(output, 1 << 20);
        }
        File.Move(temp, path, overwrite: true);
        BigFileSize += 1;
        return [new SyncChange.Upload(BigFile)];
    }

    private IReadOnlyList<SyncChange> Append(long length)
    {
        var random = new Random(13);
        var block = new byte[1 << 20];
        using (var file = new FileStream(Local(BigFile), FileMode.Append, FileAccess.Write))
        {
            for (long written = 0; written < length; written += block.Length)
            {
                random.NextBytes(block);
                file.Write(block, 0, (int)Math.Min(block.Length, length - written));
            }
        }
        BigFileSize += length;
        return [new SyncChange.Upload(BigFile)];
    }

    private IReadOnlyList<SyncChange> WriteSmallFiles()
    {
        var random = new Random(17);
        var bytes = new byte[SmallFileSize];
        var changes = new List<SyncChange>(SmallFiles);
        for (var i = 0; i < SmallFiles; i++)
        {
            var name = SmallName(i);
            Directory.CreateDirectory(Path.GetDirectoryName(Local(name))!);
            random.NextBytes(bytes);
            File.WriteAllBytes(Local(name), bytes);
            changes.Add(new SyncChange.Upload(name));
        }
        return changes;
    }

    private IReadOnlyList<SyncChange> TouchSmallFiles(int count)
    {
        // The last files, so W6's directory (the first) is not involved.
        var changes = new List<SyncChange>(count);
        var when = DateTime.UtcNow.AddMinutes(5);
        for (var i = SmallFiles - count; i < SmallFiles; i++)
        {
            File.SetLastWriteTimeUtc(Local(SmallName(i)), when);
            changes.Add(new SyncChange.Metadata(SmallName(i)));
        }
        return changes;
    }

    private IReadOnlyList<SyncChange> RenameFirstDirectory()
    {
        var count = Math.Min(FilesPerDirectory, SmallFiles);
        Directory.Move(Local("/small/d00"), Local("/small/d00-renamed"));
        return Enumerable.Range(0, count)
            .Select(i => (SyncChange)new SyncChange.Rename(SmallName(i), SmallName(i).Replace("/d00/", "/d00-renamed/", StringComparison.Ordinal)))
            .ToList();
    }
}
