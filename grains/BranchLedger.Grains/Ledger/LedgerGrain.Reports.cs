using BranchLedger.Contracts.Ledger;
using BranchLedger.Contracts.Reports;

namespace BranchLedger.Grains.Ledger;

// Reports: the year's current records as the annual report counts them.
public sealed partial class LedgerGrain
{
    /// <inheritdoc />
    public async Task<NodeReportFacts> GetReportFacts(int year)
    {
        var node = RequireNode();
        var current = (await BookFor(year)).Current().ToList();
        // A brand project stands from its start until it is withdrawn, so brands begun in earlier,
        // already sealed years still count; their records live only in those years' archives.
        var held = current.Select(v => v.Record.Sequence).ToHashSet();
        foreach (var earlier in ledger.State.Sealed.Select(s => s.Year).Where(y => y < year).Order())
        {
            var brands = (await BookFor(earlier)).Current().Where(v => v.Current is BrandProjectDetails);
            current.AddRange(brands.Where(v => held.Add(v.Record.Sequence)));
        }

        return ReportFactsBuilder.Build(node, current, year, Today());
    }
}
