namespace Jixiao.Features.Common;

/// <summary>A page of a list: which page, how many per page, and the sort.</summary>
public sealed record PageRequest(int Page = 1, int PageSize = 20, string? SortBy = null, bool Descending = false)
{
    public const int MaxPageSize = 500;

    public int SafePage => Math.Max(1, Page);

    public int SafePageSize => Math.Clamp(PageSize, 1, MaxPageSize);

    public int Skip => (SafePage - 1) * SafePageSize;
}

/// <summary>One page of results and the total count behind it.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

public static class PagingExtensions
{
    public static IQueryable<T> Page<T>(this IQueryable<T> query, PageRequest page) =>
        query.Skip(page.Skip).Take(page.SafePageSize);
}
