using FileSync.Storage;

// Usage: CrashHelper <data-dir> <file-system> <name>
// Opens the node's storage (SQLite, small chunks like the tests), then uploads an endless stream to <name>.
// After some megabytes are stored it prints "UPLOADING" and keeps going until it is killed.
var settings = new StorageSettings(args[0], MinChunk: 256, AvgChunk: 1024, MaxChunk: 8192);
await using var node = await NodeStorage.OpenAsync(settings);
await node.FileSystems.PutFileAsync(args[1], args[2], new EndlessStream(), new Dictionary<string, string>());
Console.WriteLine("UPLOAD FINISHED (must not happen)");
return 1;

/// <summary>
/// Random bytes forever; announces once enough has been read that several batches are durable: the upload
/// reads up to three 4 MiB buffers ahead of what is written to packs, so 24 MiB read means at least 12 MiB written.
/// </summary>
internal sealed class EndlessStream : Stream
{
    private readonly Random _random = new(99);
    private long _read;
    private bool _announced;

    public override int Read(byte[] buffer, int offset, int count)
    {
        _random.NextBytes(buffer.AsSpan(offset, count));
        _read += count;
        if (!_announced && _read > 24L * 1024 * 1024)
        {
            _announced = true;
            Console.WriteLine("UPLOADING");
            Console.Out.Flush();
        }
        return count;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
