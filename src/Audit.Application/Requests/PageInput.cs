using Audit.Core.Paging;

namespace Audit.Application.Requests;

/// <summary>
/// The page of a list as a client asks for it: both numbers optional. Every list checks it the same way and reports
/// it under the same key, next to its own filters' errors.
/// </summary>
public readonly record struct PageInput(int? Page, int? PageSize)
{
    /// <summary>The first page of the largest size, for pages that show a whole (short) list at once.</summary>
    public static PageInput All => new(1, PageRequest.MaxPageSize);

    public void Check(IDictionary<string, string[]> errors)
    {
        if (!PageRequest.IsValid(Page, PageSize))
        {
            errors["page"] = [$"page must be ≥ 1 and pageSize between 1 and {PageRequest.MaxPageSize}."];
        }
    }

    /// <summary>The request to the repository; <paramref name="defaultPageSize"/> is the list's own default.</summary>
    public PageRequest ToRequest(int defaultPageSize = PageRequest.DefaultPageSize) => new(Page ?? 1, PageSize ?? defaultPageSize);
}
