using System.Globalization;

namespace FileSync.Server.Http;

/// <summary>The <c>start</c>/<c>pageSize</c> query parameters of listings, with RavenFS's defaults.</summary>
public static class Paging
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 1024;

    public static int Start(string? raw)
    {
        if (string.IsNullOrEmpty(raw)) return 0;
        if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var start))
            throw new BadRequestException($"The query parameter 'start' must be a whole number of 0 or more, not '{raw}'.");
        return start;
    }

    public static int PageSize(string? raw)
    {
        if (string.IsNullOrEmpty(raw)) return DefaultPageSize;
        if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < 1 || size > MaxPageSize)
            throw new BadRequestException($"The query parameter 'pageSize' must be a whole number from 1 to {MaxPageSize}, not '{raw}'.");
        return size;
    }
}
