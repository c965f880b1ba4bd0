namespace BranchLedger.Cli;

/// <summary>Every item of an AIP-158 paged listing, page after page.</summary>
internal static class Paging
{
    public static async IAsyncEnumerable<TItem> AllAsync<TPage, TItem>(
        Func<string, Task<TPage>> page, Func<TPage, IEnumerable<TItem>> items, Func<TPage, string> next)
    {
        var token = "";
        do
        {
            var current = await page(token);
            foreach (var item in items(current))
            {
                yield return item;
            }

            token = next(current);
        }
        while (token.Length > 0);
    }
}
