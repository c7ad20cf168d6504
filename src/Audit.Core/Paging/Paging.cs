namespace Audit.Core.Paging;

/// <summary>1-based page of a list that can grow; <see cref="PageSize"/> is clamped to 1..<see cref="MaxPageSize"/>.</summary>
public sealed record PageRequest(int Page = 1, int PageSize = PageRequest.DefaultPageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public int Offset => (Math.Max(1, Page) - 1) * Limit;

    public int Limit => Math.Clamp(PageSize, 1, MaxPageSize);

    public static bool IsValid(int? page, int? pageSize) =>
        page is null or >= 1 && pageSize is null or >= 1 and <= MaxPageSize;
}

public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, long Total);
