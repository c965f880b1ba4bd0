namespace BranchLedger.CityData;

/// <summary>What loading the demo city did.</summary>
/// <param name="Tenants">Tenants loaded.</param>
/// <param name="Branches">Branches (党支部) among their nodes.</param>
/// <param name="Created">Rows recorded now.</param>
/// <param name="AlreadyPresent">Rows whose request id was recorded before (DUPLICATE).</param>
/// <param name="Rejected">Rows refused; see <paramref name="Problems"/>.</param>
/// <param name="Problems">The first refusals, as "tenant/node request_id: field description".</param>
/// <param name="Elapsed">Wall-clock time of the load.</param>
/// <param name="DirectoryTime">Time spent registering tenants, nodes and rosters, summed over tenants loaded in parallel.</param>
/// <param name="ImportTime">Time spent in ImportRecords, summed over tenants loaded in parallel.</param>
public sealed record DemoLoadSummary(
    int Tenants, int Branches, int Created, int AlreadyPresent, int Rejected, IReadOnlyList<string> Problems, TimeSpan Elapsed,
    TimeSpan DirectoryTime = default, TimeSpan ImportTime = default)
{
    /// <summary>The one-line summary the CLI prints.</summary>
    public override string ToString() =>
        $"demo city: {Tenants} tenants, {Branches} branches, {Created} records created, {AlreadyPresent} already present"
        + (Rejected > 0 ? $", {Rejected} rejected" : "")
        + $" ({Elapsed.TotalSeconds:0.0} s; directory {DirectoryTime.TotalSeconds:0.0} s, records {ImportTime.TotalSeconds:0.0} s, summed over tenants)";
}
