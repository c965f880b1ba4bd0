using BranchLedger.Domain.Obligations;

namespace BranchLedger.Domain.Scoring;

/// <summary>
/// The closed set of measure ids a rubric may name. Each is computed from records the ledger holds, so
/// a rubric stored as data can never ask for a number nobody records.
/// </summary>
/// <remarks>
/// <para><c>obligation-rate:&lt;obligation&gt;</c> (rate): met periods / decided periods (met + missed) of
/// the obligation in the compliance report; periods still open and unmet (Due) are not judged yet.
/// <c>&lt;obligation&gt;</c> is a rule id of <see cref="DefaultObligations"/> or a group:
/// <c>three-meetings-one-lecture</c> (三会一课), <c>annual-meetings</c> (组织生活会, 民主评议党员, 民主生活会) or
/// <c>all</c> (every obligation in the report). A group pools the periods of its rules.</para>
/// <para><c>obligation-missed:&lt;obligation&gt;</c> (miss count): missed periods, for deductions.</para>
/// <para><c>duty-on-time-rate</c> / <c>duty-overdue</c>, <c>findings-closed-on-time-rate</c> /
/// <c>findings-overdue</c>: see <see cref="Scorer"/> for what "on time" means.</para>
/// <para><c>talk-coverage</c> (rate): required heart-to-heart pairs covered / required, over decided years.</para>
/// <para><c>brands</c>, <c>honours</c> (counts): recognised brand projects and honours dated in the period;
/// yearly outcomes, so assessable only when the period is a year.</para>
/// </remarks>
public static class Measures
{
    /// <summary>Prefix of the obligation rate measures.</summary>
    public const string ObligationRatePrefix = "obligation-rate:";

    /// <summary>Prefix of the missed-obligation count measures.</summary>
    public const string ObligationMissedPrefix = "obligation-missed:";

    /// <summary>Duty items done on or before their due day / duty items judged.</summary>
    public const string DutyOnTimeRate = "duty-on-time-rate";

    /// <summary>Duty items that went past their due day without being done.</summary>
    public const string DutyOverdue = "duty-overdue";

    /// <summary>Findings closed on or before their deadline / findings judged.</summary>
    public const string FindingsClosedOnTimeRate = "findings-closed-on-time-rate";

    /// <summary>Findings that went past their deadline without being closed.</summary>
    public const string FindingsOverdue = "findings-overdue";

    /// <summary>Heart-to-heart pairs covered / pairs required.</summary>
    public const string TalkCoverage = "talk-coverage";

    /// <summary>Recognised brand projects (党建品牌) dated in the period.</summary>
    public const string Brands = "brands";

    /// <summary>Honours (荣誉 / 先进典型) dated in the period.</summary>
    public const string Honours = "honours";

    /// <summary>The 三会一课 group: general meeting, committee meeting, small-group meeting, party lecture.</summary>
    public const string ThreeMeetingsOneLecture = "three-meetings-one-lecture";

    /// <summary>The annual meetings group: organisational-life meeting, member appraisal, democratic life meeting.</summary>
    public const string AnnualMeetings = "annual-meetings";

    /// <summary>The group of every obligation in the compliance report.</summary>
    public const string AllObligations = "all";

    /// <summary>The named groups of obligations and the rule ids each pools.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ObligationGroups { get; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            [ThreeMeetingsOneLecture] =
            [
                DefaultObligations.BranchGeneralMeeting.Id,
                DefaultObligations.BranchCommitteeMeeting.Id,
                DefaultObligations.SmallGroupMeeting.Id,
                DefaultObligations.PartyLecture.Id,
            ],
            [AnnualMeetings] =
            [
                DefaultObligations.OrganisationalLifeMeeting.Id,
                DefaultObligations.MemberAppraisal.Id,
                DefaultObligations.DemocraticLifeMeeting.Id,
            ],
        };

    private static readonly List<(string Id, MeasureSpec Spec)> Ordered = BuildKnown();

    private static readonly Dictionary<string, MeasureSpec> Known = Ordered.ToDictionary(m => m.Id, m => m.Spec, StringComparer.Ordinal);

    /// <summary>Every valid measure id, in a stable order (for listings and documentation).</summary>
    public static IReadOnlyList<string> All { get; } = Ordered.Select(m => m.Id).ToList();

    /// <summary>True when <paramref name="measure"/> is one of <see cref="All"/> (exact, case-sensitive).</summary>
    public static bool IsKnown(string? measure) => measure is not null && Known.ContainsKey(measure);

    /// <summary>What sort of number <paramref name="measure"/> yields; Unspecified for an unknown id.</summary>
    public static MeasureKind KindOf(string? measure) =>
        measure is not null && Known.TryGetValue(measure, out var spec) ? spec.Kind : MeasureKind.Unspecified;

    internal static MeasureSpec? Spec(string measure) => Known.GetValueOrDefault(measure);

    private static List<(string Id, MeasureSpec Spec)> BuildKnown()
    {
        var known = new List<(string Id, MeasureSpec Spec)>();
        var obligations = DefaultObligations.All.Select(r => (r.Id, RuleIds: (IReadOnlyList<string>?)[r.Id]))
            .Concat(ObligationGroups.Select(g => (g.Key, RuleIds: (IReadOnlyList<string>?)g.Value)))
            .Append((AllObligations, RuleIds: null))
            .ToList();
        foreach (var (id, ruleIds) in obligations)
        {
            known.Add((ObligationRatePrefix + id, new MeasureSpec(MeasureFamily.ObligationRate, MeasureKind.Rate, ruleIds)));
        }

        foreach (var (id, ruleIds) in obligations)
        {
            known.Add((ObligationMissedPrefix + id, new MeasureSpec(MeasureFamily.ObligationMissed, MeasureKind.MissCount, ruleIds)));
        }

        known.Add((DutyOnTimeRate, new MeasureSpec(MeasureFamily.DutyOnTimeRate, MeasureKind.Rate, null)));
        known.Add((DutyOverdue, new MeasureSpec(MeasureFamily.DutyOverdue, MeasureKind.MissCount, null)));
        known.Add((FindingsClosedOnTimeRate, new MeasureSpec(MeasureFamily.FindingsClosedOnTimeRate, MeasureKind.Rate, null)));
        known.Add((FindingsOverdue, new MeasureSpec(MeasureFamily.FindingsOverdue, MeasureKind.MissCount, null)));
        known.Add((TalkCoverage, new MeasureSpec(MeasureFamily.TalkCoverage, MeasureKind.Rate, null)));
        known.Add((Brands, new MeasureSpec(MeasureFamily.Brands, MeasureKind.Count, null)));
        known.Add((Honours, new MeasureSpec(MeasureFamily.Honours, MeasureKind.Count, null)));
        return known;
    }
}

/// <summary>The computations behind measure ids.</summary>
internal enum MeasureFamily
{
    ObligationRate,
    ObligationMissed,
    DutyOnTimeRate,
    DutyOverdue,
    FindingsClosedOnTimeRate,
    FindingsOverdue,
    TalkCoverage,
    Brands,
    Honours,
}

/// <summary>A parsed measure id.</summary>
/// <param name="Family">Which computation.</param>
/// <param name="Kind">Rate, count or miss count.</param>
/// <param name="RuleIds">For obligation measures: the rule ids pooled; null for every rule in the report (or not an obligation measure).</param>
internal sealed record MeasureSpec(MeasureFamily Family, MeasureKind Kind, IReadOnlyList<string>? RuleIds);
