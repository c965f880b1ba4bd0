using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Reports;
using BranchLedger.Reports;

namespace BranchLedger.Reports.Tests;

/// <summary>Builds facts record by record, the way ledgers would hold them, and renders the report.</summary>
internal sealed class SampleFacts
{
    public const int Year = 2022;
    public const string Group = "party-group";
    public const string Branch = "office-branch";

    private long _sequence;
    private readonly List<MeetingFact> _meetings = [];
    private readonly List<TalkFact> _talks = [];
    private readonly List<RiskPointFact> _risks = [];
    private readonly List<CommunityServiceFact> _community = [];
    private readonly List<SelfAssessmentFact> _self = [];
    private readonly List<CampaignFact> _campaigns = [];

    private static DateOnly Day(long i) => new DateOnly(Year, 1, 3).AddDays((int)(i % 350));

    public SampleFacts Meetings(MeetingKind kind, int count, string node = Group, bool bySecretary = false,
        bool chairedBySecretary = false, bool byPartyGroupSecretary = false, bool secretaryAsMember = false, string lecturer = "")
    {
        for (var i = 0; i < count; i++)
        {
            var seq = ++_sequence;
            _meetings.Add(new MeetingFact(node, seq, kind, Day(seq), bySecretary, chairedBySecretary, byPartyGroupSecretary, secretaryAsMember, lecturer));
        }

        return this;
    }

    public SampleFacts Talk(TalkKind kind, int people)
    {
        var seq = ++_sequence;
        _talks.Add(new TalkFact(Group, seq, kind, people, Day(seq)));
        return this;
    }

    public SampleFacts Risk(int measures)
    {
        var seq = ++_sequence;
        _risks.Add(new RiskPointFact(Group, seq, measures, Day(seq)));
        return this;
    }

    public SampleFacts MembersReporting(int members, int roster = 0, string topic = "疫情防控、创城")
    {
        var seq = ++_sequence;
        _community.Add(new CommunityServiceFact(Branch, seq, CommunityServiceKind.MembersReporting, members, Day(seq), roster, topic));
        return this;
    }

    public SampleFacts Campaign(string name, CampaignStatus status)
    {
        var seq = ++_sequence;
        _campaigns.Add(new CampaignFact(Group, seq, name, status, Day(seq)));
        return this;
    }

    public SampleFacts SelfAssessment(SelfAssessmentSection section, string text)
    {
        var seq = ++_sequence;
        // Numbered from 1 within its part, as the self-assessment form asks.
        _self.Add(new SelfAssessmentFact(Group, seq, Year, section, _self.Count(s => s.Section == section) + 1, text));
        return this;
    }

    public ReportFacts Facts => new()
    {
        Meetings = _meetings, Talks = _talks, RiskPoints = _risks, CommunityService = _community, SelfAssessment = _self,
        Campaigns = _campaigns,
    };

    public static ReportContext Context(IReadOnlyDictionary<RecordRef, TraceRecord>? records = null) => new(
        "市残联", 1,
        new Dictionary<string, string> { [Group] = "市残联党组", [Branch] = "机关党支部" },
        records ?? new Dictionary<RecordRef, TraceRecord>());

    public static ReportDocument Compose(ReportFigures figures, ReportContext? context = null) =>
        AnnualReportComposer.Compose(ReportTemplate.AnnualReportZh, figures, context ?? Context());

    public ReportDocument Compose() => Compose(AnnualReportFigures.Compute(Facts, Year));

    public static string Markdown(ReportDocument document)
    {
        using var stream = new MemoryStream();
        MarkdownRenderer.Render(document, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The report's body text, before the appendix (so appendix headings cannot satisfy a body assertion).</summary>
    public static string Body(ReportDocument document)
    {
        var text = Markdown(document);
        return text[..text.IndexOf(ReportTemplate.AnnualReportZh.Appendix.Heading, StringComparison.Ordinal)];
    }
}
