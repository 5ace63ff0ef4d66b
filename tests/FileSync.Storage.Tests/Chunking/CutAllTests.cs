using FileSync.Storage.Chunking;

namespace FileSync.Storage.ChunkingTests;

using FileSync.Storage.Tests;

/// <summary>
/// <see cref="ContentDefinedChunker.CutAll(ReadOnlySpan{byte}, bool, ChunkingOptions, List{int})"/> on both paths
/// (the AVX-512 lane search and the chunk-by-chunk one) against the byte-at-a-time definition.
/// On a CPU without AVX-512 VBMI both runs take the chunk-by-chunk path.
/// </summary>
public sealed class CutAllTests
{
    public static TheoryData<int, int, int, bool> BoundsAndPaths()
    {
        var data = new TheoryData<int, int, int, bool>();
        foreach (var vector in new[] { true, false })
        {
            data.Add(ChunkingOptions.DefaultMin, ChunkingOptions.DefaultAvg, ChunkingOptions.DefaultMax, vector);
            data.Add(64, 128, 1000, vector);        // a candidate every ~32 bytes: the vector search records in most iterations
            data.Add(333, 1024, 4097, vector);      // odd bounds
            data.Add(100, 512, 513, vector);        // max right after avg
            data.Add(2000, 32_768, 40_000, vector); // a long hard-mask region
        }
        return data;
    }

    public static TheoryData<bool> Paths => new() { true, false };

    [Theory]
    [MemberData(nameof(BoundsAndPaths))]
    public void Random_data_is_cut_as_the_definition_cuts_it(int min, int avg, int max, bool vector)
    {
        var options = new ChunkingOptions(min, avg, max);
        var data = TestData.Random(600_000 + 37, 21);

        foreach (var final in new[] { true, false })
        {
            var expected = ReferenceChunker.CutAll(data, final, options);
            var actual = new List<int>();
            var consumed = ContentDefinedChunker.CutAll(data, final, options, actual, vector);

            Assert.True(expected.Count > 10, $"expected many chunks, got {expected.Count}");
            Assert.Equal(expected, actual);
            Assert.Equal(expected.Sum(), consumed);
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Sizes_around_the_bounds_and_the_vector_threshold_are_cut_as_the_definition_cuts_them(bool vector)
    {
        var options = new ChunkingOptions(300, 1024, 4200);
        var data = TestData.Random(20_000, 22);
        int[] sizes = [0, 1, 31, 32, 33, 299, 300, 301, 1023, 1024, 1025, 4095, 4096, 4097, 4199, 4200, 4201, 4096 + 255, 4096 + 256,
            4096 + 257, 8191, 8192 + 31, 8192 + 33, 12_345, 20_000];
        foreach (var size in sizes)
        foreach (var final in new[] { true, false })
        {
            var span = data.AsSpan(0, size);
            var actual = new List<int>();
            var consumed = ContentDefinedChunker.CutAll(span, final, options, actual, vector);
            Assert.True(ReferenceChunker.CutAll(span, final, options).SequenceEqual(actual), $"size {size}, final {final}: {string.Join(",", actual)}");
            Assert.Equal(actual.Sum(), consumed);
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Zeros_and_repeating_patterns_are_cut_as_the_definition_cuts_them(bool vector)
    {
        var options = ChunkingOptions.Default;
        var noise = TestData.Random(5000, 23);
        foreach (var period in new[] { 1, 3, 32, 64, 1000, 5000 })
        {
            var data = new byte[300_000];
            for (var i = 0; i < data.Length; i++) data[i] = period == 1 ? (byte)0 : noise[i % period];

            var actual = new List<int>();
            ContentDefinedChunker.CutAll(data, true, options, actual, vector);

            Assert.True(ReferenceChunker.CutAll(data, true, options).SequenceEqual(actual), $"period {period}: {string.Join(",", actual)}");
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Cutting_in_pieces_of_random_sizes_gives_the_lengths_of_cutting_the_whole(bool vector)
    {
        var options = ChunkingOptions.Default;
        var data = TestData.Random(10 * 1024 * 1024, 24);
        var whole = new List<int>();
        ContentDefinedChunker.CutAll(data, true, options, whole, vector);

        // What an upload does: append what arrived after the uncut rest, cut, keep the new rest.
        var random = new Random(25);
        var pieces = new List<int>();
        var buffer = new byte[data.Length];
        var filled = 0;
        for (var read = 0; read < data.Length;)
        {
            var count = Math.Min(data.Length - read, random.Next(1, 3 * options.Max));
            data.AsSpan(read, count).CopyTo(buffer.AsSpan(filled));
            read += count;
            filled += count;
            var consumed = ContentDefinedChunker.CutAll(buffer.AsSpan(0, filled), read == data.Length, options, pieces, vector);
            buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
            filled -= consumed;
        }

        Assert.Equal(0, filled);
        Assert.True(whole.Count > 1000, $"expected many chunks, got {whole.Count}");
        Assert.Equal(whole, pieces);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Chunk_sizes_on_random_data_average_near_avg_plus_min(bool vector)
    {
        var options = ChunkingOptions.Default;
        var data = TestData.Random(8 * 1024 * 1024, 26);
        var lengths = new List<int>();

        ContentDefinedChunker.CutAll(data, true, options, lengths, vector);

        Assert.Equal(data.Length, lengths.Sum());
        Assert.All(lengths[..^1], length => Assert.InRange(length, options.Min + 1, options.Max));
        var target = options.Avg + options.Min;
        Assert.InRange(lengths.Average(), target * 0.75, target * 1.25);
    }

    [Fact]
    public void Chunk_sizes_on_text_like_and_low_entropy_data_also_average_near_avg_plus_min()
    {
        // The gear table is computed (GF(2^8) inverses), not random: check it behaves like a random one on skewed bytes too.
        var options = ChunkingOptions.Default;
        var random = new Random(29);
        var text = new byte[4 * 1024 * 1024];
        for (var i = 0; i < text.Length; i++) text[i] = random.Next(7) == 0 ? (byte)' ' : (byte)('a' + random.Next(26));
        var lowEntropy = new byte[4 * 1024 * 1024];
        for (var i = 0; i < lowEntropy.Length; i++) lowEntropy[i] = (byte)(random.Next(4) == 0 ? random.Next(256) : random.Next(3));
        var target = options.Avg + options.Min;

        foreach (var data in new[] { text, lowEntropy })
        {
            var lengths = new List<int>();
            ContentDefinedChunker.CutAll(data, true, options, lengths);
            Assert.InRange(lengths.Average(), target * 0.75, target * 1.25);
            Assert.True(lengths.Count(length => length == options.Max) <= lengths.Count / 100, "too many chunks cut at the maximum");
        }
    }

    [Fact]
    public void Whether_a_position_is_a_cut_depends_only_on_the_32_bytes_before_it()
    {
        // Two buffers that differ everywhere except in one 64-byte stretch: the window hashes inside it agree.
        var options = ChunkingOptions.Default;
        var a = TestData.Random(100_000, 27);
        var b = TestData.Random(100_000, 28);
        a.AsSpan(50_000, 64).CopyTo(b.AsSpan(50_000));

        for (var end = 50_032; end <= 50_064; end++)
            Assert.Equal(ReferenceChunker.WindowHash(a, end), ReferenceChunker.WindowHash(b, end));
        // Windows reaching into the differing bytes differ (the oldest byte only moves the top bit, so not always).
        var differing = Enumerable.Range(49_900, 131).Count(end => ReferenceChunker.WindowHash(a, end) != ReferenceChunker.WindowHash(b, end));
        Assert.InRange(differing, 120, 131);
        var boundariesA = Boundaries(ReferenceChunker.CutAll(a, true, options));
        var boundariesB = Boundaries(ReferenceChunker.CutAll(b, true, options));
        Assert.NotEqual(boundariesA, boundariesB);
    }

    private static List<int> Boundaries(List<int> lengths)
    {
        var position = 0;
        return lengths.Select(length => position += length).ToList();
    }
}
