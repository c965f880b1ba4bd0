using BranchLedger.Contracts.Directory;
using BranchLedger.Contracts.Errors;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Contracts.Reports;
using BranchLedger.Domain.Directory;
using BranchLedger.Domain.Obligations;
using BranchLedger.Domain.Periods;
using BranchLedger.Domain.Scoring;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Ledger;

/// <summary>What a seal asks for: an earlier seal's answer again, or a plan of what to move.</summary>
public sealed record SealDecision(SealResult? Replay, SealPlan? Plan);

// Reads and the facts compliance, scores and reports read; sealing's decision.
public sealed partial class Ledger
{
    /// <summary>
    /// The live book, or with <paramref name="sealedAway"/> (records of a sealed year held elsewhere) a
    /// book over both: a record in both — a seal interrupted before the live state was saved — counts
    /// once, as live.
    /// </summary>
    public RecordBook BookWith(IEnumerable<LedgerRecord>? sealedAway) =>
        sealedAway is null ? _book : RecordBook.Union(_records.Concat(sealedAway));

    /// <summary>A period the API names (2026, 2026-Q1, 2026-03), or INVALID_ARGUMENT.</summary>
    public static Period PeriodOf(string period) =>
        Period.TryParse(period, out var parsed)
            ? parsed
            : throw new InvalidCommandException([new FieldError(FieldPaths.Period, "must be a year (2026), a quarter (2026-Q1) or a month (2026-03)")]);

    /// <summary>Compliance over <paramref name="book"/> (holding the period's year) with the live workflows' warnings.</summary>
    public ComplianceView Compliance(RecordBook book, Period period, DateOnly today) =>
        ComplianceFacts.Evaluate(RequireNode(), book.Current(), _workflows, period, today);

    /// <summary>
    /// The annual report's facts for <paramref name="year"/> from its book, with the brand projects of
    /// <paramref name="earlierSealed"/> (books of earlier sealed years): a brand stands from its start
    /// until it is withdrawn, so brands begun in sealed years still count.
    /// </summary>
    public NodeReportFacts ReportFacts(RecordBook book, IEnumerable<RecordBook> earlierSealed, int year, DateOnly today)
    {
        var node = RequireNode();
        var current = book.Current().ToList();
        var held = current.Select(v => v.Record.Sequence).ToHashSet();
        foreach (var earlier in earlierSealed)
        {
            var brands = earlier.Current().Where(v => v.Current is BrandProjectDetails);
            current.AddRange(brands.Where(v => held.Add(v.Record.Sequence)));
        }

        return ReportFactsBuilder.Build(node, current, year, today);
    }

    /// <summary>
    /// What scores are computed from: for the live book the basis kept up to date as records arrive;
    /// for another book (a sealed year merged in) one drawn from it now.
    /// </summary>
    public ScoringBasis ScoringFor(RecordBook book) =>
        ReferenceEquals(book, _book) ? _scoring ??= ScoringBasis.Of(_book.Current()) : ScoringBasis.Of(book.Current());

    /// <summary>The obligation rules of the node as the directory last described it (kept until the node changes).</summary>
    public IReadOnlyList<ObligationRule> Rules(LedgerNode node)
    {
        if (!ReferenceEquals(node, _rulesOf))
        {
            (_rulesOf, _rules) = (node, ComplianceFacts.Rules(node));
        }

        return _rules;
    }

    /// <summary>The node's score sheet for a period from <paramref name="basis"/> (<see cref="ScoringFor"/> of the period's book).</summary>
    public ScoreSheet Score(LedgerNode node, Rubric rubric, Period period, ScoringBasis basis, DateOnly today) =>
        basis.Score(node, Rules(node), rubric, period, today);

    /// <summary>The sheets of the ranked <paramref name="periods"/> of <paramref name="basis"/>'s book under each rubric (<see cref="ScoringBasis.ScoreRanked"/>).</summary>
    public IEnumerable<(int Rubric, ScoreSheet Sheet)> ScoreRanked(
        LedgerNode node, IReadOnlyList<Rubric> rubrics, IEnumerable<Period> periods, ScoringBasis basis, DateOnly today) =>
        basis.ScoreRanked(node, Rules(node), rubrics, periods, today);

    /// <summary>
    /// The days whose periods <paramref name="applied"/> (already applied) may have changed the figures
    /// of: each record's date and, for a correction, its replacement's and its target's. A review
    /// changes no figure.
    /// </summary>
    public IEnumerable<DateOnly> DatesTouchedBy(IEnumerable<LedgerRecord> applied)
    {
        foreach (var record in applied)
        {
            if (record.Body is ReviewDetails)
            {
                continue;
            }

            yield return record.Body.Date;
            if (record.Body is CorrectionDetails c)
            {
                if (c.Replacement is { } replacement)
                {
                    yield return replacement.Date;
                }

                if (_book.BySequence(c.TargetSequence) is { } target)
                {
                    yield return _book.ViewOf(target).Current.Date;
                    yield return target.Body.Date;
                }
            }
        }
    }

    /// <summary>
    /// What a seal through a year does: answers a retry (<paramref name="earlier"/>: what the same
    /// request id answered before) or plans the move. Only years that have ended in the tenant's
    /// calendar can be sealed.
    /// </summary>
    public SealDecision DecideSeal(SealCommand command, DateOnly today, SealResult? earlier)
    {
        RequireNode();
        var violations = new Violations().RequestId(FieldPaths.RequestId, command.RequestId);
        if (command.Year < 2000 || command.Year >= today.Year)
        {
            violations.Add(FieldPaths.Year, $"must be a year that has ended in the tenant's calendar (2000–{today.Year - 1})");
        }

        CommandChecks.ThrowIfInvalid(violations);
        if (earlier is not null)
        {
            return earlier.Year == command.Year
                ? new SealDecision(earlier with { Replayed = true }, null)
                : throw new RequestIdConflictException(command.RequestId);
        }

        return new SealDecision(null, SealPlan.Through(command.Year, _book, _workflows));
    }
}
