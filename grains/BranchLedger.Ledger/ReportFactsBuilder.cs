using BranchLedger.Contracts.Directory;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Contracts.Reports;
using BranchLedger.Domain.Directory;
using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Obligations;
using BranchLedger.Domain.Periods;
using BranchLedger.Domain.Reports;
using BranchLedger.Domain.Warnings;

namespace BranchLedger.Ledger;

/// <summary>Maps a ledger's current view to the facts the annual report counts, with a label per record.</summary>
public static class ReportFactsBuilder
{
    // 三会一课: the branch general meeting, the committee, the small group and the party lecture; the
    // report's coverage catalogue names them, so the catalogue and the counting cannot drift apart.
    private static readonly IReadOnlySet<MeetingKind> ThreeMeetingsKinds = ReportCoverage.ThreeMeetingsOneLecture;

    public static NodeReportFacts Build(LedgerNode node, IReadOnlyList<RecordView> current, int year, DateOnly today)
    {
        var id = node.NodeId;
        var workflows = Workflows.Of(current);

        var doneOn = workflows.ScoringDuties().ToDictionary(d => d.Id, d => d.DoneOn, StringComparer.Ordinal);
        var labels = new List<RecordLabel>();
        RecordLabel Label(RecordView v, string summary) => new(id, v.Record.Sequence, v.Current.Date, v.Current.Family, summary);

        List<MeetingFact> meetings = [];
        List<TalkFact> talks = [];
        List<RiskPointFact> risks = [];
        List<CommunityServiceFact> community = [];
        List<QuarterlyReviewFact> reviews = [];
        List<BrandFact> brands = [];
        List<HonourFact> honours = [];
        List<CampaignFact> campaigns = [];
        List<SelfAssessmentFact> selfAssessment = [];
        List<RecordFact> catalogued = [];
        foreach (var v in current)
        {
            var seq = v.Record.Sequence;
            switch (v.Current)
            {
                case MeetingDetails m:
                    // An invited lecture by the party-group secretary is never also the branch secretary's own lecture.
                    meetings.Add(new MeetingFact(id, seq, m.Kind, m.Date, m.LecturedBySecretary && !m.LecturedByPartyGroupSecretary, m.ChairedBySecretary, m.LecturedByPartyGroupSecretary, m.SecretaryAsMember, m.Lecturer?.Trim() ?? "")
                    {
                        Topics = m.Topics,
                    });
                    labels.Add(Label(v, m.Topic));
                    break;
                case TalkDetails t:
                    talks.Add(new TalkFact(id, seq, t.Kind, t.People, t.Date));
                    labels.Add(Label(v, t.Topic));
                    break;
                case RiskPointDetails r:
                    risks.Add(new RiskPointFact(id, seq, r.Measures.Count, r.Date));
                    labels.Add(Label(v, r.RiskPoint));
                    break;
                case CommunityServiceDetails c:
                    community.Add(new CommunityServiceFact(id, seq, c.Kind, c.Members, c.Date, c.RosterSize, c.Topic));
                    labels.Add(Label(v, c.Topic));
                    break;
                case QuarterlyReviewDetails q:
                    reviews.Add(new QuarterlyReviewFact(id, seq, q.Date, q.Mechanism?.Trim() ?? ""));
                    labels.Add(Label(v, q.Topic));
                    break;
                case BrandProjectDetails b:
                    brands.Add(new BrandFact(id, seq, b.Level, b.Status, b.Date, b.Name));
                    labels.Add(Label(v, b.Name));
                    break;
                case HonourDetails h:
                    honours.Add(new HonourFact(id, seq, h.Level, h.RecipientKind, h.Date, h.Title, h.Recipient, h.AwardedBy));
                    labels.Add(Label(v, $"{h.Recipient}：{h.Title}"));
                    break;
                case CampaignDetails c:
                    campaigns.Add(new CampaignFact(id, seq, c.Name, c.Status, c.Date));
                    labels.Add(Label(v, c.Name));
                    break;
                case SelfAssessmentDetails s:
                    selfAssessment.Add(new SelfAssessmentFact(id, seq, s.Year, s.Section, s.Order, s.Text));
                    break;
                case DutyItemDetails d:
                    labels.Add(Label(v, d.Duty));
                    break;
                case FindingDetails f:
                    labels.Add(Label(v, f.Finding));
                    break;
                // Kinds added through the record catalogue: their facts and figures come from their catalogue entry.
                default:
                    if (RecordBodies.Fact(id, seq, v.Current) is { } fact)
                    {
                        catalogued.Add(fact);
                        labels.Add(Label(v, RecordBodies.Summary(v.Current)));
                    }

                    break;
            }
        }

        var duties = workflows.Duties.Select(d => new DutyItemReportFact(
            id, d.Sequence, d.Item.Due, d.Status,
            d.Status is DutyStatus.Done or DutyStatus.Verified && doneOn.GetValueOrDefault(d.Item.DutyId) is { } done && done <= d.Item.Due));
        var findings = workflows.Findings.Select(f => new FindingReportFact(
            id, f.Sequence, f.Finding.Date, f.Closed, !f.Closed && f.Finding.Deadline is { } deadline && deadline < today, f.Finding.Source?.Trim() ?? ""));

        var facts = new ReportFacts
        {
            Meetings = meetings,
            Talks = talks,
            RiskPoints = risks,
            CommunityService = community,
            QuarterlyReviews = reviews,
            DutyItems = [.. duties],
            Findings = [.. findings],
            Brands = brands,
            Honours = honours,
            Campaigns = campaigns,
            ThreeMeetingsOneLecture = ThreeMeetings(node, current, year, today),
            SelfAssessment = selfAssessment,
            Records = catalogued,
        };
        return new NodeReportFacts(facts, labels);
    }

    // Held counts each period's qualifying sessions up to what the period required, so a busy month
    // never makes up for a missed one; periods not in force or not yet due count for neither.
    private static List<ThreeMeetingsOneLectureFact> ThreeMeetings(LedgerNode node, IReadOnlyList<RecordView> current, int year, DateOnly today)
    {
        if (node.Kind != NodeKind.Branch)
        {
            return [];
        }

        var rules = ComplianceFacts.Rules(node);
        var ids = rules
            .Where(r => r.Subject.Kind == SubjectKind.Meeting && ThreeMeetingsKinds.Contains(r.Subject.Meeting))
            .Select(r => r.Id)
            .ToHashSet(StringComparer.Ordinal);
        var rows = ComplianceFacts.Report(node, current, Period.Year(year), today, rules).Results
            .Where(r => ids.Contains(r.RuleId))
            .SelectMany(r => r.Rows)
            .Where(r => r.Status is ObligationStatus.Met or ObligationStatus.Missed)
            .ToList();
        return rows.Count == 0
            ? []
            : [new ThreeMeetingsOneLectureFact(node.NodeId, year, rows.Sum(r => Math.Min(r.Counted, r.Required)), rows.Sum(r => r.Required))];
    }
}
