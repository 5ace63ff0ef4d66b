using System.Buffers;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.Connections;

namespace FileSync.Server.Http;

/// <summary>
/// Kestrel's connection memory in 64 KiB blocks instead of its default 4 KiB ones. The socket transport receives
/// into one block per <c>recv</c>, so with 4 KiB blocks a 1 GiB upload costs ~260,000 receive calls (and as many
/// pipe segments for the request body to walk); 64 KiB blocks cut that sixteen-fold. Blocks live on the pinned
/// object heap (sockets pin what they read into) and are reused; an idle connection holds none, because the
/// transport waits for data before it takes a block.
/// </summary>
public sealed class LargeBlockMemoryPool : MemoryPool<byte>
{
    public const int BlockSize = 64 * 1024;

    /// <summary>Free blocks kept for reuse (16 MiB); blocks returned beyond that are left to the GC.</summary>
    private const int MaxRetained = 256;

    private readonly ConcurrentQueue<Block> _free = new();
    private int _retained;

    public override int MaxBufferSize => BlockSize;

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        if (minBufferSize > BlockSize)
            throw new ArgumentOutOfRangeException(nameof(minBufferSize), minBufferSize, $"This pool hands out blocks of {BlockSize} bytes.");
        if (_free.TryDequeue(out var block))
        {
            Interlocked.Decrement(ref _retained);
            block.Reopen();
            return block;
        }
        return new Block(this, GC.AllocateUninitializedArray<byte>(BlockSize, pinned: true));
    }

    private void Return(Block block)
    {
        if (Interlocked.Increment(ref _retained) <= MaxRetained) _free.Enqueue(block);
        else Interlocked.Decrement(ref _retained);
    }

    protected override void Dispose(bool disposing) => _free.Clear();

    private sealed class Block(LargeBlockMemoryPool pool, byte[] array) : IMemoryOwner<byte>
    {
        private int _rented = 1;

        public Memory<byte> Memory => array;

        public void Reopen() => Volatile.Write(ref _rented, 1);

        // A second Dispose must not put the block in the pool twice (two renters would then share it).
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _rented, 0) == 1) pool.Return(this);
        }
    }
}

/// <summary>Hands Kestrel <see cref="LargeBlockMemoryPool"/>s (registered as the node's <see cref="IMemoryPoolFactory{T}"/>).</summary>
public sealed class LargeBlockMemoryPoolFactory : IMemoryPoolFactory<byte>
{
    public MemoryPool<byte> Create(MemoryPoolOptions? options = null) => new LargeBlockMemoryPool();
}
