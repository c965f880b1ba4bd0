using BranchLedger.Domain.Validation;

namespace BranchLedger.Gateway.Services;

/// <summary>AIP-158 page sizes: 0 means the default, larger than the maximum is coerced down.</summary>
internal static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static int PageSize(Violations violations, int requested)
    {
        if (requested < 0)
        {
            violations.Add("page_size", "must not be negative");
        }

        return requested == 0 ? DefaultPageSize : Math.Min(requested, MaxPageSize);
    }

    public static long After(Violations violations, string scope, string token)
    {
        var after = PageToken.Decode(scope, token);
        if (after is null)
        {
            violations.Add("page_token", "is not a token from a previous page of this listing");
        }

        return after ?? 0;
    }
}
