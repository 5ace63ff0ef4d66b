using FileSync.Storage.Chunking;

namespace FileSync.Storage.ChunkingTests;

using FileSync.Storage.Tests;

public sealed class ContentDefinedChunkerTests
{
    public static TheoryData<int, int, int> Bounds => new()
    {
        { ChunkingOptions.DefaultMin, ChunkingOptions.DefaultAvg, ChunkingOptions.DefaultMax },
        { 64, 128, 1000 },   // tiny chunks: many cuts, ends not a multiple of the unroll
        { 333, 1024, 4097 }, // odd bounds: the scan starts and stops at odd offsets
        { 100, 512, 513 },   // max right after avg: the easy-mask scan is one byte long
        { 100, 256, 30_000 },     // a long easy-mask region: a cut every ~64 bytes
        { 2000, 32_768, 40_000 }, // a long hard-mask region: few cuts
    };

    [Theory]
    [MemberData(nameof(Bounds))]
    public void Every_cut_equals_the_byte_at_a_time_definition(int min, int avg, int max)
    {
        var options = new ChunkingOptions(min, avg, max);
        var data = TestData.Random(600_000, 11);

        var expected = ReferenceChunker.Cuts(data, options, ReferenceChunker.FindCut);
        var actual = ReferenceChunker.Cuts(data, options, ContentDefinedChunker.FindCut);

        Assert.True(expected.Count > 10, $"expected many chunks, got {expected.Count}");
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Bounds))]
    public void Every_prefix_length_cuts_like_the_definition(int min, int avg, int max)
    {
        // Short spans hit every tail length of the unrolled loop and the "shorter than Max" paths.
        var options = new ChunkingOptions(min, avg, max);
        var data = TestData.Random(max + 9, 12);
        // Past Min the step grows with Max: the reference costs a whole window hash per position.
        for (var length = 0; length <= data.Length; length += length < min + 16 ? 1 : Math.Max(37, max / 500))
        {
            var span = data.AsSpan(0, length);
            Assert.Equal(ReferenceChunker.FindCut(span, options), ContentDefinedChunker.FindCut(span, options));
        }
    }

    [Fact]
    public void Chunks_respect_the_bounds_and_cover_the_data()
    {
        var options = ChunkingOptions.Default;
        var data = TestData.Random(1_000_000, 13);

        var lengths = ReferenceChunker.Cuts(data, options, ContentDefinedChunker.FindCut);

        Assert.Equal(data.Length, lengths.Sum());
        Assert.All(lengths[..^1], length => Assert.InRange(length, options.Min + 1, options.Max));
        var average = lengths.Average();
        Assert.InRange(average, (options.Avg + options.Min) * 0.75, (options.Avg + options.Min) * 1.25);
    }

    [Fact]
    public void Runs_of_one_byte_value_are_cut_at_the_maximum_or_the_minimum_deterministically()
    {
        var options = ChunkingOptions.Default;
        var zeros = new byte[300_000];

        var first = ReferenceChunker.Cuts(zeros, options, ContentDefinedChunker.FindCut);
        var second = ReferenceChunker.Cuts(zeros, options, ContentDefinedChunker.FindCut);

        Assert.Equal(first, second);
        Assert.Equal(ReferenceChunker.Cuts(zeros, options, ReferenceChunker.FindCut), first);
    }

    [Fact]
    public void An_insertion_moves_no_boundary_beyond_the_chunks_next_to_it()
    {
        var options = ChunkingOptions.Default;
        var original = TestData.Random(500_000, 14);
        var insertAt = 250_000;
        var edited = original[..insertAt].Concat(TestData.Random(37, 15)).Concat(original[insertAt..]).ToArray();

        var before = Boundaries(original, options);
        var after = Boundaries(edited, options).Select(b => b > insertAt ? b - 37 : b).ToHashSet();

        var moved = before.Where(b => !after.Contains(b)).ToList();
        Assert.True(moved.Count <= 2, $"boundaries moved: {string.Join(", ", moved)}");
        Assert.True(before.Count > 40, $"expected many boundaries, got {before.Count}");
    }

    private static List<long> Boundaries(byte[] data, ChunkingOptions options)
    {
        var boundaries = new List<long>();
        long position = 0;
        foreach (var length in ReferenceChunker.Cuts(data, options, ContentDefinedChunker.FindCut))
            boundaries.Add(position += length);
        return boundaries;
    }
}
