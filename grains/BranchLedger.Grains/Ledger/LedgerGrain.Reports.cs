using BranchLedger.Contracts.Reports;

namespace BranchLedger.Grains.Ledger;

// Reports: the year's current records as the annual report counts them.
public sealed partial class LedgerGrain
{
    /// <inheritdoc />
    public async Task<NodeReportFacts> GetReportFacts(int year)
    {
        var node = RequireNode();
        var book = await BookFor(year);
        return ReportFactsBuilder.Build(node, [.. book.Current()], year, Today());
    }
}
