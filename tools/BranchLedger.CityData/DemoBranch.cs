namespace BranchLedger.CityData;

/// <summary>
/// A branch of the demo city as its plan sees it. <paramref name="Diligence"/> (0.35–1) sets how
/// reliably it meets, keeps quorums, finishes duties and closes findings; <paramref name="People"/>
/// lists the members, committee first, secretary first of all.
/// </summary>
internal sealed record DemoBranch(
    DemoBody Body, string NodeId, string Name, double Diligence, int Committee, int Voting,
    IReadOnlyList<string> People, bool Named, bool HasBrand)
{
    public int Members => People.Count;

    public string Secretary => People[0];
}
