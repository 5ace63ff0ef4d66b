using System.Runtime.InteropServices;

namespace FileSync.Server.Tests.Support;

/// <summary>
/// A read-only stream of <see cref="Length"/> pseudo-random bytes made on the fly (xorshift64 from a
/// seed), so gigabyte uploads never exist in memory or on disk. The same seed gives the same bytes.
/// <see cref="Progress"/> is called with the total handed out after each read.
/// </summary>
public sealed class GeneratedStream(long length, ulong seed) : Stream
{
    private ulong _state = seed == 0 ? 0x9E3779B97F4A7C15UL : seed;
    private long _position;
    private readonly byte[] _pending = new byte[8];
    private int _pendingOffset = 8;

    public Action<long>? Progress { get; set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, length - _position);
        if (count <= 0) return 0;
        var target = buffer[..count];
        var i = 0;
        while (i < target.Length && _pendingOffset < 8) target[i++] = _pending[_pendingOffset++];
        var words = MemoryMarshal.Cast<byte, ulong>(target[i..]);
        for (var w = 0; w < words.Length; w++) words[w] = Next();
        i += words.Length * 8;
        if (i < target.Length)
        {
            BitConverter.TryWriteBytes(_pending, Next());
            _pendingOffset = 0;
            while (i < target.Length) target[i++] = _pending[_pendingOffset++];
        }
        _position += count;
        Progress?.Invoke(_position);
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    private ulong Next()
    {
        var x = _state;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        _state = x;
        return x;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
