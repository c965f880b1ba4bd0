using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Obligations;
using BranchLedger.Domain.Periods;
using BranchLedger.Domain.Scoring;
using BranchLedger.Domain.Warnings;
using static BranchLedger.Domain.Tests.ObligationTestFacts;

namespace BranchLedger.Domain.Tests.Scoring;

/// <summary>Builders so scoring tests read as the rubric and facts they set up.</summary>
internal static class ScoringTestFacts
{
    public static readonly IReadOnlyList<GradeBand> Bands =
    [
        new("good", "好", 90m),
        new("fairly-good", "较好", 80m),
        new("average", "一般", 60m),
        new("poor", "差", 0m),
    ];

    public static RubricIndicator Linear(string id, decimal weight, string measure, decimal target = 1m, IndicatorScope scope = IndicatorScope.Both) =>
        new(id, "指标 " + id, weight, measure, ScoringRule.LinearToTarget, target, null, null, scope);

    public static RubricIndicator Threshold(string id, decimal weight, string measure, decimal target, IndicatorScope scope = IndicatorScope.Both) =>
        new(id, "指标 " + id, weight, measure, ScoringRule.Threshold, target, null, null, scope);

    public static RubricIndicator Deduction(
        string id, decimal weight, string measure, decimal perMiss, decimal? floor = null, IndicatorScope scope = IndicatorScope.Both) =>
        new(id, "指标 " + id, weight, measure, ScoringRule.DeductionPerMiss, null, perMiss, floor, scope);

    /// <summary>
    /// One category holding the indicators, padded to a weight of 100 with an organisation-only
    /// indicator that a branch never assesses — so a branch's total is re-normalised over the rest.
    /// </summary>
    public static Rubric RubricOf(params RubricIndicator[] indicators)
    {
        var list = indicators.ToList();
        var sum = list.Sum(i => i.Weight);
        if (sum < 100m)
        {
            list.Add(Linear("padding", 100m - sum, Measures.Brands, 1m, IndicatorScope.Organisation));
        }

        return new Rubric("test-rubric", 1, "测试指标", [new RubricCategory("main", "主要", null, list)], Bands);
    }

    public static ScoringFacts Facts(
        Period period,
        DateOnly today,
        ComplianceReport? report = null,
        IEnumerable<ScoringDutyItem>? duties = null,
        IEnumerable<ScoringFinding>? findings = null,
        IEnumerable<CountedRecord>? records = null,
        ObligationScope scope = ObligationScope.Branch) =>
        new(scope, report ?? Evaluate([], [], period, today), duties?.ToList() ?? [], findings?.ToList() ?? [], records?.ToList() ?? []);

    public static ScoringDutyItem Duty(string id, DateOnly due, DateOnly? doneOn = null, params long[] sequences) =>
        new(id, due, doneOn, sequences);

    public static ScoringFinding Finding(
        string id, DateOnly? deadline, DateOnly? closedOn = null, RemediationType type = RemediationType.ByDeadline, params long[] sequences) =>
        new(id, type, deadline, closedOn, sequences);

    public static CountedRecord Brand(long sequence, DateOnly date, bool recognised = true) =>
        new(sequence, RecordFamilies.BrandProject, date, RecognitionLevel.City, recognised);

    public static CountedRecord Honour(long sequence, DateOnly date) =>
        new(sequence, RecordFamilies.Honour, date, RecognitionLevel.Provincial, true);

    public static IndicatorScore Indicator(ScoreSheet sheet, string id) => Assert.Single(sheet.Indicators, i => i.IndicatorId == id);

    /// <summary>Scores one indicator (padded rubric) and returns its line.</summary>
    public static IndicatorScore ScoreOne(RubricIndicator indicator, ScoringFacts facts) =>
        Indicator(Scorer.Score(RubricOf(indicator), facts), indicator.Id);

    /// <summary>n duty items due on <paramref name="due"/>: the first <paramref name="onTime"/> done that day, the rest never.</summary>
    public static IEnumerable<ScoringDutyItem> Duties(int onTime, int n, DateOnly due) =>
        Enumerable.Range(1, n).Select(i => Duty($"duty-{i}", due, i <= onTime ? due : null, i));
}
