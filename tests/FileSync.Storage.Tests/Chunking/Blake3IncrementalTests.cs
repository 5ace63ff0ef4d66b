using FileSync.Storage.Chunking.Blake3;

namespace FileSync.Storage.ChunkingTests;

using FileSync.Storage.Tests;

public sealed class Blake3IncrementalTests
{
    private static readonly Blake3LaneWidth[] Widths = [Blake3LaneWidth.Scalar, Blake3LaneWidth.Vector256, Blake3LaneWidth.Vector512];

    [Theory]
    [MemberData(nameof(Blake3HashTests.OfficialVectors), MemberType = typeof(Blake3HashTests))]
    public void Matches_the_official_test_vector_in_one_piece_and_in_odd_pieces(int length, string expectedHex)
    {
        var input = Blake3HashTests.VectorInput(length);
        foreach (var width in Widths)
        {
            Assert.Equal(expectedHex, HashInPieces(input, [length], width));
            Assert.Equal(expectedHex, HashInPieces(input, [1, 63, 64, 1023, 1024, 1025, 2047], width));
        }
    }

    [Fact]
    public void Any_split_of_a_large_content_gives_the_one_shot_hash()
    {
        // 9 MiB + 37 bytes: several 1 MiB subtrees, subtrees cut short by the piece ends, and a ragged tail.
        var data = TestData.Random(9 * 1024 * 1024 + 37, 5);
        var expected = Convert.ToHexStringLower(Blake3Hash.HashData(data));
        var random = new Random(11);
        foreach (var width in Widths)
        {
            Assert.Equal(expected, HashInPieces(data, [data.Length], width));
            Assert.Equal(expected, HashInPieces(data, [4 * 1024 * 1024], width));
            Assert.Equal(expected, HashInPieces(data, [3 * 1024 * 1024 - 1000, 1024, 1, 5000], width));
            Assert.Equal(expected, HashInPieces(data, [8 * 1024 + 13], width)); // a synchronization's chunk at a time
            Assert.Equal(expected, HashInPieces(data, [.. Enumerable.Range(0, 20).Select(_ => random.Next(1, 2 * 1024 * 1024))], width));
        }
    }

    [Fact]
    public void A_content_ending_on_a_chunk_edge_keeps_its_last_chunk_for_the_root()
    {
        foreach (var chunks in new[] { 1, 2, 3, 4, 5, 8, 16, 17, 1024, 1025 })
        {
            var data = TestData.Random(chunks * 1024, chunks);
            Assert.Equal(Convert.ToHexStringLower(Blake3Hash.HashData(data)), HashInPieces(data, [1024], Blake3LaneWidth.Vector512));
        }
    }

    [Fact]
    public void Lanes_carry_the_high_word_of_chunk_indexes_beyond_four_tebibytes()
    {
        // A subtree of 32 chunks just past chunk 2^32, hashed in lanes, against chunk by chunk on the scalar path.
        var data = TestData.Random(32 * 1024, 3);
        const ulong firstChunk = (1UL << 32) + 32;
        var laned = new uint[8];
        Blake3Subtrees.ChainingValues(data, firstChunk, 32, laned, Blake3LaneWidth.Vector512);

        var level = Enumerable.Range(0, 32).Select(c =>
        {
            var cv = new uint[8];
            Blake3Subtrees.Chunk(data.AsSpan(c * 1024, 1024), firstChunk + (ulong)c, 0, cv);
            return cv;
        }).ToList();
        while (level.Count > 1)
        {
            level = [.. level.Chunk(2).Select(pair =>
            {
                var parent = new uint[8];
                Blake3Subtrees.Parent(pair[0], pair[1], root: false, parent);
                return parent;
            })];
        }
        Assert.Equal(level[0], laned);

        var atZero = new uint[8];
        Blake3Subtrees.ChainingValues(data, 0, 32, atZero, Blake3LaneWidth.Vector512);
        Assert.NotEqual(atZero, laned);
    }

    private static string HashInPieces(byte[] data, int[] pieceSizes, Blake3LaneWidth width)
    {
        var hasher = new Blake3Incremental(width);
        var offset = 0;
        for (var i = 0; offset < data.Length; i++)
        {
            var size = Math.Min(pieceSizes[i % pieceSizes.Length], data.Length - offset);
            hasher.Append(data.AsSpan(offset, size));
            offset += size;
        }
        return hasher.FinishHex();
    }
}
