using FileSync.Server.Http;

namespace FileSync.Server.Tests.Unit;

public sealed class ByteRangeTests
{
    [Theory]
    [InlineData("bytes=0-9", 0, 9)]
    [InlineData("bytes=10-", 10, 99)]
    [InlineData("bytes=-10", 90, 99)]
    [InlineData("bytes=95-200", 95, 99)]
    [InlineData("bytes=-500", 0, 99)]
    public void Single_ranges_resolve_against_the_size(string header, long from, long to)
    {
        var (kind, range) = ByteRange.Parse(header, 100);
        Assert.Equal(RangeRequest.Partial, kind);
        Assert.Equal(new ByteRange(from, to), range);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("bytes=0-1,5-6")]
    [InlineData("items=0-5")]
    public void Absent_multi_or_foreign_unit_ranges_mean_the_whole_file(string? header) =>
        Assert.Equal(RangeRequest.Whole, ByteRange.Parse(header, 100).Kind);

    [Theory]
    [InlineData("bytes=100-")]
    [InlineData("bytes=-0")]
    public void Ranges_outside_the_file_are_unsatisfiable(string header) =>
        Assert.Equal(RangeRequest.Unsatisfiable, ByteRange.Parse(header, 100).Kind);

    [Theory]
    [InlineData("bytes=abc")]
    [InlineData("bytes=5-2")]
    [InlineData("bytes=x-5")]
    public void Garbage_is_invalid(string header) =>
        Assert.Equal(RangeRequest.Invalid, ByteRange.Parse(header, 100).Kind);
}
