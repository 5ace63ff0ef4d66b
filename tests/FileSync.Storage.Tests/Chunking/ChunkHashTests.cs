using FileSync.Storage.Chunking;
using FileSync.Storage.Chunking.Blake3;
using FileSync.Storage.Tests;

namespace FileSync.Storage.ChunkingTests;

public sealed class ChunkHashTests
{
    [Fact]
    public void ComputeAll_gives_each_chunk_the_hash_Compute_gives_it_alone()
    {
        var lengths = RandomLengths(new Random(5), 60, 0, 70_000);
        var buffer = TestData.Random(lengths.Sum(), 6);

        var batch = new ChunkHash[lengths.Length];
        ChunkHash.ComputeAll(buffer, lengths, batch);

        Assert.Equal(Singly(buffer, lengths), batch);
    }

    [Fact]
    public void ComputeAll_matches_the_official_vectors_inside_a_batch()
    {
        // Pieces of the official vector lengths laid end to end: each must still hash as if alone.
        var cases = Blake3HashTests.OfficialVectors.Select(row => ((int)row[0], (string)row[1])).ToArray();
        var buffer = cases.SelectMany(c => Blake3HashTests.VectorInput(c.Item1)).ToArray();

        var hashes = new ChunkHash[cases.Length];
        ChunkHash.ComputeAll(buffer, cases.Select(c => c.Item1).ToArray(), hashes);

        Assert.Equal(cases.Select(c => c.Item2), hashes.Select(h => h.ToString()));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Every_lane_width_agrees_on_random_batches(int seed)
    {
        var random = new Random(seed);
        // Many tiny pieces, many large ones, and a mix, so lanes end at different blocks and levels differ.
        var lengths = RandomLengths(random, 40, 0, 100)
            .Concat(RandomLengths(random, 12, 30_000, 70_000))
            .Concat(RandomLengths(random, 40, 0, 70_000))
            .OrderBy(_ => random.Next())
            .ToArray();
        var buffer = TestData.Random(lengths.Sum(), seed + 10);

        var scalar = Hashes(buffer, lengths, Blake3LaneWidth.Scalar);

        Assert.Equal(scalar, Hashes(buffer, lengths, Blake3LaneWidth.Vector256));
        Assert.Equal(scalar, Hashes(buffer, lengths, Blake3LaneWidth.Vector512));
    }

    [Fact]
    public void Bytes_after_the_last_chunk_do_not_change_the_hashes()
    {
        var buffer = TestData.Random(10_000, 7);
        int[] lengths = [100, 3000, 64];

        var exact = Hashes(buffer.AsSpan(0, 3164).ToArray(), lengths, Blake3LaneWidth.Vector512);

        Assert.Equal(exact, Hashes(buffer, lengths, Blake3LaneWidth.Vector512));
    }

    [Fact]
    public void No_lengths_give_no_hashes()
    {
        ChunkHash.ComputeAll([], [], []);
        ChunkHash.ComputeAll(new byte[10], [], new ChunkHash[1]);
        Assert.Equal(ChunkHash.Compute([]), Hashes([], [0], Blake3LaneWidth.Vector512)[0]);
    }

    [Fact]
    public void Lengths_past_the_buffer_are_refused_with_a_clear_message()
    {
        var error = Assert.Throws<ArgumentException>(() => ChunkHash.ComputeAll(new byte[100], [60, 41], new ChunkHash[2]));
        Assert.Contains("add up to 101 bytes but the buffer holds only 100", error.Message);
    }

    [Fact]
    public void A_negative_length_is_refused_with_a_clear_message()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ChunkHash.ComputeAll(new byte[100], [60, -1], new ChunkHash[2]));
        Assert.Contains("Chunk 1 has a negative length", error.Message);
    }

    [Fact]
    public void Too_few_hash_slots_are_refused_with_a_clear_message()
    {
        var error = Assert.Throws<ArgumentException>(() => ChunkHash.ComputeAll(new byte[100], [60, 40], new ChunkHash[1]));
        Assert.Contains("2 chunk lengths but room for only 1 hashes", error.Message);
    }

    private static int[] RandomLengths(Random random, int count, int min, int max) =>
        Enumerable.Range(0, count).Select(_ => random.Next(min, max + 1)).ToArray();

    private static ChunkHash[] Hashes(byte[] buffer, int[] lengths, Blake3LaneWidth width)
    {
        var hashes = new ChunkHash[lengths.Length];
        ChunkHash.ComputeAll(buffer, lengths, hashes, width);
        return hashes;
    }

    private static ChunkHash[] Singly(byte[] buffer, int[] lengths)
    {
        var hashes = new ChunkHash[lengths.Length];
        var offset = 0;
        for (var i = 0; i < lengths.Length; i++)
        {
            hashes[i] = ChunkHash.Compute(buffer.AsSpan(offset, lengths[i]));
            offset += lengths[i];
        }
        return hashes;
    }
}
