using BranchLedger.Domain.Ledger;

namespace BranchLedger.Domain.Scoring;

/// <summary>The record families that outcome counts read (the ledger's record kinds).</summary>
public static class RecordFamilies
{
    /// <summary>A party-building brand project (党建品牌).</summary>
    public const string BrandProject = "brand_project";

    /// <summary>An honour or role model (荣誉 / 先进典型).</summary>
    public const string Honour = "honour";
}

/// <summary>
/// One current ledger record counted as an outcome (void records left out, amended ones as amended).
/// </summary>
/// <param name="Sequence">The record's sequence number in its ledger.</param>
/// <param name="Family">The record kind, one of <see cref="RecordFamilies"/>; others are ignored.</param>
/// <param name="Date">The record's calendar day (the day recognised or awarded).</param>
/// <param name="Level">National … internal; kept for the sheet's readers, not weighted.</param>
/// <param name="Recognised">For brand projects: true when the status is recognised (已命名); building and withdrawn brands do not count. Honours always count.</param>
public sealed record CountedRecord(long Sequence, string Family, DateOnly Date, RecognitionLevel Level, bool Recognised);
