using BranchLedger.Domain.Obligations;
using BranchLedger.Domain.Periods;
using BranchLedger.Domain.Warnings;

namespace BranchLedger.Domain.Scoring;

/// <summary>Computes the raw value of a measure from a node's facts (see <see cref="Scorer"/> for the definitions).</summary>
internal static class MeasureEvaluator
{
    public static MeasureResult Evaluate(MeasureSpec spec, ScoringFacts facts) => spec.Family switch
    {
        MeasureFamily.ObligationRate or MeasureFamily.ObligationMissed => Obligations(spec, facts.Compliance),
        MeasureFamily.TalkCoverage => Talks(facts.Compliance),
        MeasureFamily.DutyOnTimeRate or MeasureFamily.DutyOverdue => Duties(spec, facts),
        MeasureFamily.FindingsClosedOnTimeRate or MeasureFamily.FindingsOverdue => Findings(spec, facts),
        MeasureFamily.Brands => Outcomes(facts, RecordFamilies.BrandProject),
        MeasureFamily.Honours => Outcomes(facts, RecordFamilies.Honour),
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Family, "unknown measure family"),
    };

    private static MeasureResult Obligations(MeasureSpec spec, ComplianceReport report)
    {
        var decided = report.Results
            .Where(r => spec.RuleIds is null || spec.RuleIds.Contains(r.RuleId, StringComparer.Ordinal))
            .SelectMany(r => r.Rows.Select(row => (r.RuleId, Row: row)))
            .Where(x => x.Row.Status is ObligationStatus.Met or ObligationStatus.Missed)
            .ToList();
        var met = decided.Where(x => x.Row.Status == ObligationStatus.Met).ToList();
        var misses = decided.Where(x => x.Row.Status == ObligationStatus.Missed).Select(x => Miss(x.RuleId, x.Row.Period)).ToList();
        return spec.Family == MeasureFamily.ObligationRate
            ? MeasureResult.Rate(met.Count, decided.Count, met.SelectMany(x => x.Row.Sequences), misses)
            : MeasureResult.Count(misses.Count, [], misses);
    }

    private static MeasureResult Talks(ComplianceReport report)
    {
        // Only decided years with a list of people to cover: without one nobody can say which pairs were owed.
        var rows = report.Results
            .SelectMany(r => r.Rows.Select(row => (r.RuleId, Row: row)))
            .Where(x => x.Row.Rule?.Subject.Kind == SubjectKind.TalkPairs
                && x.Row.Status is ObligationStatus.Met or ObligationStatus.Missed
                && x.Row.Required > 0)
            .ToList();
        return MeasureResult.Rate(
            rows.Sum(x => x.Row.Raw),
            rows.Sum(x => x.Row.Required),
            rows.SelectMany(x => x.Row.Sequences),
            rows.Where(x => x.Row.Raw < x.Row.Required).Select(x => Miss(x.RuleId, x.Row.Period)));
    }

    private static MeasureResult Duties(MeasureSpec spec, ScoringFacts facts)
    {
        var onTime = new List<ScoringDutyItem>();
        var late = new List<ScoringDutyItem>();
        foreach (var item in facts.DutyItems.Where(d => facts.Period.Contains(d.Due)))
        {
            if (item.DoneOn is { } done && done <= item.Due)
            {
                onTime.Add(item);
            }
            else if (item.Due < facts.Today)
            {
                late.Add(item);
            }
        }

        var misses = late.Select(d => d.Id).Order(StringComparer.Ordinal).ToList();
        return spec.Family == MeasureFamily.DutyOnTimeRate
            ? MeasureResult.Rate(onTime.Count, onTime.Count + late.Count, onTime.SelectMany(d => d.Sequences), misses)
            : MeasureResult.Count(late.Count, late.SelectMany(d => d.Sequences), misses);
    }

    private static MeasureResult Findings(MeasureSpec spec, ScoringFacts facts)
    {
        var onTime = new List<ScoringFinding>();
        var late = new List<ScoringFinding>();
        foreach (var finding in facts.Findings)
        {
            if (finding.Type is not (RemediationType.FixNow or RemediationType.ByDeadline)
                || finding.Deadline is not { } deadline
                || !facts.Period.Contains(deadline))
            {
                continue;
            }

            if (finding.ClosedOn is { } closed && closed <= deadline)
            {
                onTime.Add(finding);
            }
            else if (deadline < facts.Today)
            {
                late.Add(finding);
            }
        }

        var misses = late.Select(f => f.Id).Order(StringComparer.Ordinal).ToList();
        return spec.Family == MeasureFamily.FindingsClosedOnTimeRate
            ? MeasureResult.Rate(onTime.Count, onTime.Count + late.Count, onTime.SelectMany(f => f.Sequences), misses)
            : MeasureResult.Count(late.Count, late.SelectMany(f => f.Sequences), misses);
    }

    private static MeasureResult Outcomes(ScoringFacts facts, string family)
    {
        if (facts.Period.Kind != PeriodKind.Year)
        {
            return MeasureResult.Not(IndicatorStatus.YearOnly);
        }

        var counted = facts.Records
            .Where(r => r.Family == family && facts.Period.Contains(r.Date) && (family != RecordFamilies.BrandProject || r.Recognised))
            .Select(r => r.Sequence)
            .Distinct()
            .ToList();
        return MeasureResult.Count(counted.Count, counted, []);
    }

    private static string Miss(string ruleId, Period period) => ruleId + "@" + period;
}
