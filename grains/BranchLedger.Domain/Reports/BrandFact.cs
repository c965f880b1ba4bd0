using BranchLedger.Domain.Ledger;

namespace BranchLedger.Domain.Reports;

/// <summary>A party-building brand project (党建品牌).</summary>
/// <param name="NodeId">The node whose ledger holds it.</param>
/// <param name="Sequence">Its sequence number there.</param>
/// <param name="Level">The level it is built or recognised at.</param>
/// <param name="Status">Building, recognised or withdrawn.</param>
/// <param name="Date">The day it was started (or its status recorded).</param>
/// <param name="Name">Its name, as the report names it (盲按, 辅具, …).</param>
public sealed record BrandFact(string NodeId, long Sequence, RecognitionLevel Level, BrandStatus Status, DateOnly Date, string Name = "");
