using System.Text.Json;
using System.Text.Json.Serialization;
using BranchLedger.Contracts.Directory;
using BranchLedger.Domain.Directory;
using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Obligations;
using BranchLedger.Domain.Periods;
using BranchLedger.Domain.Scoring;

namespace BranchLedger.Ledger;

/// <summary>
/// Everything a branch's scores are computed from, without its records: the node as the directory
/// describes it, the dated facts compliance reads, and the duties, findings and counted outcomes
/// scoring reads. Persisted per branch when they change, so a rebuild of the rankings or a new rubric
/// version re-scores every branch from a bulk read instead of waking each ledger. Nothing here depends
/// on the rubric or on today: any rubric version, any day, scores from the same inputs exactly as the
/// ledger would (unit-tested against random ledgers).
/// </summary>
/// <param name="Node">The node as the ledger last knew it (kind, rosters, overrides, name, parent).</param>
/// <param name="Activities">Meetings, lectures and reviews, in (date, sequence) order.</param>
/// <param name="Talks">Heart-to-heart talk pairs, in (date, sequence) order.</param>
/// <param name="Duties">The duty list as scoring sees it.</param>
/// <param name="Findings">The inspection findings as scoring sees them.</param>
/// <param name="Outcomes">Brand projects and honours.</param>
/// <param name="SealedYears">
/// Years whose records moved to an archive: the inputs hold the live book only, so a period of such a
/// year cannot be scored from them (<see cref="Covers"/>); the ledger must score it.
/// </param>
public sealed record ScoreInputs(
    LedgerNode Node,
    IReadOnlyList<ActivityFact> Activities,
    IReadOnlyList<TalkPairFact> Talks,
    IReadOnlyList<ScoringDutyItem> Duties,
    IReadOnlyList<ScoringFinding> Findings,
    IReadOnlyList<CountedRecord> Outcomes,
    IReadOnlyList<int> SealedYears)
{
    /// <summary>The format written by <see cref="ToBytes"/>; a reader refuses (and the ledger is asked) any other.</summary>
    public const int Format = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    };

    /// <summary>The inputs of the live book's basis (<see cref="Ledger.ScoringFor"/>).</summary>
    public static ScoreInputs Of(LedgerNode node, ScoringBasis basis, IEnumerable<int> sealedYears)
    {
        var (dated, duties, findings, outcomes) = basis.Inputs();
        return new ScoreInputs(node, [.. dated.Activities], [.. dated.Talks], duties, findings, outcomes, [.. sealedYears.Order()]);
    }

    /// <summary>True when <paramref name="period"/> can be scored from these inputs (its year is not sealed away).</summary>
    public bool Covers(Period period) => !SealedYears.Contains(period.Start.Year);

    /// <summary>The node's score sheet for <paramref name="period"/> under <paramref name="rubric"/>, as the ledger computes it.</summary>
    public ScoreSheet Score(Rubric rubric, Period period, DateOnly today) => Score(rubric, period, today, Dated(), ComplianceFacts.Rules(Node));

    /// <summary>
    /// The sheets the rankings keep for this node under <paramref name="rubric"/>: every period of
    /// <paramref name="periods"/> the node was in force in and that has a total — what the ledger pushes.
    /// </summary>
    public IEnumerable<ScoreSheet> ScoreRanked(Rubric rubric, IEnumerable<Period> periods, DateOnly today) =>
        from judged in RankedReports.Of(Node, ComplianceFacts.Rules(Node), Dated(), periods, today)
        let sheet = Scorer.Score(rubric, Facts(judged.Report))
        where sheet.Total is not null
        select sheet;

    private ScoreSheet Score(Rubric rubric, Period period, DateOnly today, DatedFacts dated, IReadOnlyList<ObligationRule> rules) =>
        Scorer.Score(rubric, Facts(ComplianceFacts.Report(Node, dated, period, today, rules)));

    private ScoringFacts Facts(ComplianceReport report) =>
        new(Node.Kind == NodeKind.Organisation ? ObligationScope.Organisation : ObligationScope.Branch, report, Duties, Findings, Outcomes);

    // Already in (date, sequence) order; Of keeps it (a stable sort of a sorted list).
    private DatedFacts Dated() => DatedFacts.Of(Activities, Talks);

    /// <summary>The compact form stored per branch (UTF-8 JSON, short names; a few hundred bytes for a typical year).</summary>
    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(
        new Stored(
            Node,
            [.. Activities.Select(a => new StoredActivity(a.Sequence, a.Subject.Kind, a.Subject.Meeting, a.Date, a.Attendees, a.ExpectedAttendees))],
            Talks, Duties, Findings, Outcomes, SealedYears),
        Json);

    /// <summary>Reads <see cref="ToBytes"/>' form; throws <see cref="JsonException"/> when it is not that.</summary>
    public static ScoreInputs FromBytes(ReadOnlySpan<byte> bytes)
    {
        var stored = JsonSerializer.Deserialize<Stored>(bytes, Json) ?? throw new JsonException("empty score inputs");
        return new ScoreInputs(
            stored.Node,
            [.. stored.Activities.Select(a => new ActivityFact(a.Seq, SubjectOf(a.Kind, a.Meeting), a.Date, a.Attendees, a.Expected))],
            stored.Talks, stored.Duties, stored.Findings, stored.Outcomes, stored.SealedYears);
    }

    private static ObligationSubject SubjectOf(SubjectKind kind, MeetingKind meeting) => kind switch
    {
        SubjectKind.Meeting => ObligationSubject.MeetingOf(meeting),
        SubjectKind.SecretaryLecture => ObligationSubject.SecretaryLecture,
        SubjectKind.PartyBuildingReview => ObligationSubject.PartyBuildingReview,
        SubjectKind.TalkPairs => ObligationSubject.TalkPairs,
        _ => throw new JsonException($"unknown obligation subject {kind}"),
    };

    // The stored shapes: the domain's records as they are, except the activity's subject (a value
    // object with a private constructor), stored as its two enums.
    private sealed record Stored(
        LedgerNode Node,
        IReadOnlyList<StoredActivity> Activities,
        IReadOnlyList<TalkPairFact> Talks,
        IReadOnlyList<ScoringDutyItem> Duties,
        IReadOnlyList<ScoringFinding> Findings,
        IReadOnlyList<CountedRecord> Outcomes,
        IReadOnlyList<int> SealedYears);

    private sealed record StoredActivity(long Seq, SubjectKind Kind, MeetingKind Meeting, DateOnly Date, int Attendees, int Expected);
}
