using FileSync.Server.Http;

namespace FileSync.Server.Tests.Unit;

public sealed class LargeBlockMemoryPoolTests
{
    [Fact]
    public void Blocks_are_64_KiB_and_a_returned_block_is_handed_out_again()
    {
        using var pool = new LargeBlockMemoryPool();
        var first = pool.Rent();
        Assert.Equal(LargeBlockMemoryPool.BlockSize, first.Memory.Length);
        Assert.Equal(64 * 1024, pool.MaxBufferSize);
        var memory = first.Memory;
        first.Dispose();
        using var second = pool.Rent(100);
        Assert.True(second.Memory.Span.Overlaps(memory.Span));
    }

    [Fact]
    public void A_block_disposed_twice_goes_back_once_so_two_renters_never_share_it()
    {
        using var pool = new LargeBlockMemoryPool();
        var block = pool.Rent();
        block.Dispose();
        block.Dispose();
        using var a = pool.Rent();
        using var b = pool.Rent();
        Assert.False(a.Memory.Span.Overlaps(b.Memory.Span));
    }

    [Fact]
    public void Asking_for_more_than_a_block_is_refused_with_the_block_size()
    {
        using var pool = new LargeBlockMemoryPool();
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => pool.Rent(LargeBlockMemoryPool.BlockSize + 1));
        Assert.Contains("65536", error.Message, StringComparison.Ordinal);
    }
}
