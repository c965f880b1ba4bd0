using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Periods;
using BranchLedger.Domain.Warnings;

namespace BranchLedger.Domain.Reports;

/// <summary>
/// Computes the numbers of the annual report (述职报告) from records, so nobody types them twice.
/// Pure: the same facts and year always give the same figures, in the same order.
/// </summary>
public static class AnnualReportFigures
{
    /// <summary>Every figure of <paramref name="year"/>, counted from the records dated in it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">when the year is outside 1–9999 or a count in the facts is negative.</exception>
    public static ReportFigures Compute(ReportFacts facts, int year)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var period = Period.Year(year);
        CheckCounts(facts);

        var meetings = facts.Meetings.Where(m => period.Contains(m.Date)).ToList();
        var talks = facts.Talks.Where(t => period.Contains(t.Date)).ToList();
        var risks = facts.RiskPoints.Where(r => period.Contains(r.Date)).ToList();
        var reporting = facts.CommunityService
            .Where(c => c.Kind == CommunityServiceKind.MembersReporting && period.Contains(c.Date)).ToList();
        var sessions = facts.CommunityService
            .Where(c => c.Kind == CommunityServiceKind.ServiceSession && period.Contains(c.Date)).ToList();
        var reviews = facts.QuarterlyReviews.Where(r => period.Contains(r.Date)).ToList();
        var duties = facts.DutyItems.Where(d => period.Contains(d.Due)).ToList();
        var findings = facts.Findings.Where(f => period.Contains(f.Raised)).ToList();
        // A brand project stands from the day it starts until it is withdrawn, so earlier years' count too.
        var brands = facts.Brands.Where(b => b.Date <= period.End && b.Status != BrandStatus.Withdrawn).ToList();
        var honours = facts.Honours.Where(h => period.Contains(h.Date)).ToList();
        var threeMeetings = facts.ThreeMeetingsOneLecture.Where(t => t.Year == year).ToList();
        var campaigns = facts.Campaigns.Where(c => period.Contains(c.Date)).ToList();

        List<ReportFigure> figures =
        [
            Meetings(ReportFigureKeys.PartyGroupMeetings, meetings, MeetingKind.PartyGroupMeeting, ReportUnits.Times),
            Meetings(ReportFigureKeys.ChairOfficeMeetings, meetings, MeetingKind.ChairOfficeMeeting, ReportUnits.Times),
            Meetings(ReportFigureKeys.TheoryStudySessions, meetings, MeetingKind.TheoryStudyGroup, ReportUnits.Times),
            Meetings(ReportFigureKeys.WeeklyStudies, meetings, MeetingKind.WeeklyCadreStudy, ReportUnits.Times),
            Meetings(ReportFigureKeys.MembersForums, meetings, MeetingKind.MembersForum, ReportUnits.Issues),
            Meetings(ReportFigureKeys.StudyDiscussions, meetings, MeetingKind.StudyDiscussion, ReportUnits.Times),
            SpecialLectures(meetings.Where(m => m.Kind == MeetingKind.SpecialLecture).ToList()),
            Meetings(ReportFigureKeys.DemocraticLifeMeetings, meetings, MeetingKind.DemocraticLifeMeeting, ReportUnits.Times),
            Meetings(ReportFigureKeys.ThemeDays, meetings, MeetingKind.ThemeDay, ReportUnits.Times),
            Meetings(ReportFigureKeys.OrganisationalLifeMeetings, meetings, MeetingKind.OrganisationalLifeMeeting, ReportUnits.Times),
            Meetings(ReportFigureKeys.MemberAppraisals, meetings, MeetingKind.MemberAppraisal, ReportUnits.Times),
            Meetings(ReportFigureKeys.Symposiums, meetings, MeetingKind.Symposium, ReportUnits.Times),
            Meetings(ReportFigureKeys.WarningEducation, meetings, MeetingKind.WarningEducation, ReportUnits.Times),
            Count(ReportFigureKeys.SecretaryLectures, ReportUnits.Times,
                meetings.Where(m => m.Kind == MeetingKind.PartyLecture && m.LecturedBySecretary).Select(m => (m.NodeId, m.Sequence))),
            // 主持召开: the decision and theory-study meetings the party-group secretary chaired, named by what they studied (及时跟进学习…等).
            ChairedBySecretary(meetings.Where(m => m.ChairedBySecretary && m.Kind is MeetingKind.PartyGroupMeeting or MeetingKind.TheoryStudyGroup).ToList()),
            Count(ReportFigureKeys.PartyGroupSecretaryLectures, ReportUnits.Times,
                meetings.Where(m => m.Kind == MeetingKind.PartyLecture && m.LecturedByPartyGroupSecretary).Select(m => (m.NodeId, m.Sequence))),
            AttendedAsMember(meetings.Where(m => m.SecretaryAsMember).ToList()),
            PerNode(ReportFigureKeys.ThreeMeetingsHeld, ReportUnits.Times, threeMeetings.Select(t => (t.NodeId, t.Held))),
            PerNode(ReportFigureKeys.ThreeMeetingsRequired, ReportUnits.Times, threeMeetings.Select(t => (t.NodeId, t.Required))),
            PerNode(ReportFigureKeys.ThreeMeetingsBranchesMet, ReportUnits.Things, BranchesMet(threeMeetings)),
            Sum(ReportFigureKeys.IntegrityTalks, ReportUnits.PersonTimes,
                talks.Where(t => t.Kind == TalkKind.Integrity).Select(t => (t.NodeId, t.Sequence, t.People))),
            Count(ReportFigureKeys.GroupTalks, ReportUnits.Times,
                talks.Where(t => t.Kind == TalkKind.Group).Select(t => (t.NodeId, t.Sequence))),
            Sum(ReportFigureKeys.ReminderTalks, ReportUnits.PersonTimes,
                talks.Where(t => t.Kind == TalkKind.Reminder).Select(t => (t.NodeId, t.Sequence, t.People))),
            // A heart-to-heart talk is one pair, so it counts as one talk (次) whatever its people field says.
            Count(ReportFigureKeys.HeartToHeartTalks, ReportUnits.Times,
                talks.Where(t => t.Kind == TalkKind.HeartToHeart).Select(t => (t.NodeId, t.Sequence))),
            Count(ReportFigureKeys.RiskPoints, ReportUnits.Things, risks.Select(r => (r.NodeId, r.Sequence))),
            Sum(ReportFigureKeys.RiskMeasures, ReportUnits.Measures, risks.Select(r => (r.NodeId, r.Sequence, r.Measures))),
            Sum(ReportFigureKeys.MembersReporting, ReportUnits.People, reporting.Select(c => (c.NodeId, c.Sequence, c.Members))) with
            {
                Names = [.. reporting.OrderBy(c => c.NodeId, StringComparer.Ordinal).ThenBy(c => c.Sequence).Select(c => c.Topic).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)],
            },
            Sum(ReportFigureKeys.MembersRoster, ReportUnits.People, reporting.Where(c => c.RosterSize > 0).Select(c => (c.NodeId, c.Sequence, c.RosterSize))),
            Count(ReportFigureKeys.ServiceSessions, ReportUnits.Times, sessions.Select(c => (c.NodeId, c.Sequence))),
            Count(ReportFigureKeys.QuarterlyReviews, ReportUnits.Times, reviews.Select(r => (r.NodeId, r.Sequence))),
            QuartersCovered(reviews),
            Count(ReportFigureKeys.DutiesDue, ReportUnits.Items, duties.Select(d => (d.NodeId, d.Sequence))),
            Count(ReportFigureKeys.DutiesDone, ReportUnits.Items, duties.Where(IsDone).Select(d => (d.NodeId, d.Sequence))),
            Count(ReportFigureKeys.DutiesDoneOnTime, ReportUnits.Items,
                duties.Where(d => IsDone(d) && d.DoneOnTime).Select(d => (d.NodeId, d.Sequence))),
            Count(ReportFigureKeys.DutiesOpen, ReportUnits.Items, duties.Where(d => !IsDone(d)).Select(d => (d.NodeId, d.Sequence))),
            Count(ReportFigureKeys.FindingsRaised, ReportUnits.Items, findings.Select(f => (f.NodeId, f.Sequence))),
            Count(ReportFigureKeys.FindingsClosed, ReportUnits.Items, findings.Where(f => f.Closed).Select(f => (f.NodeId, f.Sequence))),
            Count(ReportFigureKeys.FindingsOpen, ReportUnits.Items, findings.Where(f => !f.Closed).Select(f => (f.NodeId, f.Sequence))),
            Count(ReportFigureKeys.FindingsOverdue, ReportUnits.Items,
                findings.Where(f => !f.Closed && f.Overdue).Select(f => (f.NodeId, f.Sequence))),
            // 结合审计整改、巡察整改…: the sources of the year's remediation, each once, as recorded.
            Named(Count(ReportFigureKeys.FindingSources, ReportUnits.Items, findings.Select(f => (f.NodeId, f.Sequence))),
                findings.Select(f => (f.NodeId, f.Sequence, f.Source.Trim().Length == 0 ? "" : f.Source.Trim() + "整改"))),
            Brands(ReportFigureKeys.BrandsNational, brands, RecognitionLevel.National),
            Brands(ReportFigureKeys.BrandsProvincial, brands, RecognitionLevel.Provincial),
            Brands(ReportFigureKeys.BrandsCity, brands, RecognitionLevel.City),
            Count(ReportFigureKeys.BrandsLocal, ReportUnits.Things,
                brands.Where(b => b.Level is RecognitionLevel.District or RecognitionLevel.Internal).Select(b => (b.NodeId, b.Sequence))),
            Count(ReportFigureKeys.BrandsRecognised, ReportUnits.Things,
                brands.Where(b => b.Status == BrandStatus.Recognised).Select(b => (b.NodeId, b.Sequence))),
            Count(ReportFigureKeys.Honours, ReportUnits.Items, honours.Select(h => (h.NodeId, h.Sequence))),
            Honours(ReportFigureKeys.HonoursNational, honours, RecognitionLevel.National),
            Honours(ReportFigureKeys.HonoursProvincial, honours, RecognitionLevel.Provincial),
            Honours(ReportFigureKeys.HonoursCity, honours, RecognitionLevel.City),
            Named(Count(ReportFigureKeys.HonoursCollective, ReportUnits.Items,
                honours.Where(h => h.Recipient == RecipientKind.Unit).Select(h => (h.NodeId, h.Sequence))),
                honours.Where(h => h.Recipient == RecipientKind.Unit).Select(h => (h.NodeId, h.Sequence, $"{h.RecipientName}被{h.AwardedBy}授予{h.Title}"))),
            Named(Count(ReportFigureKeys.HonoursIndividual, ReportUnits.People,
                honours.Where(h => h.Recipient == RecipientKind.Person).Select(h => (h.NodeId, h.Sequence))),
                honours.Where(h => h.Recipient == RecipientKind.Person).Select(h => (h.NodeId, h.Sequence, h.Title))),
            Campaigns(ReportFigureKeys.Campaigns, campaigns),
            Campaigns(ReportFigureKeys.CampaignsAchieved, Latest(campaigns).Where(c => c.Status == CampaignStatus.Achieved).ToList()),
        ];
        figures.AddRange(CatalogueFigures(facts.Records, period));

        var selfAssessment = facts.SelfAssessment
            .Where(s => s.Year == year)
            .OrderBy(s => s.Section)
            .ThenBy(s => s.Order)
            .ThenBy(s => s.NodeId, StringComparer.Ordinal)
            .ThenBy(s => s.Sequence)
            .ToList();

        return new ReportFigures(year, figures, selfAssessment);
    }

    /// <summary>双重组织生活: the meetings the party-group secretary attended as an ordinary member, named by their kinds.</summary>
    private static ReportFigure AttendedAsMember(List<MeetingFact> meetings) =>
        Count(ReportFigureKeys.AttendedAsMember, ReportUnits.Times, meetings.Select(m => (m.NodeId, m.Sequence))) with
        {
            Names = [.. meetings.Select(m => m.Kind).Distinct().Order().Select(k => AsMemberWording.GetValueOrDefault(k) ?? Ledger.Catalogue.RecordLabels.Shared.Enum(k) ?? k.ToString())],
        };

    /// <summary>
    /// 专题辅导, named by the lecturers they record (邀请市委党校教授开展专题辅导3期); a lecture without one adds no name, and
    /// with no name at all the template says its generic wording (邀请专家…).
    /// </summary>
    private static ReportFigure SpecialLectures(List<MeetingFact> lectures) =>
        Named(Count(ReportFigureKeys.SpecialLectures, ReportUnits.Issues, lectures.Select(m => (m.NodeId, m.Sequence))),
            lectures.Select(m => (m.NodeId, m.Sequence, m.Lecturer)));

    /// <summary>
    /// How a 述职报告 names the meetings a secretary joined as an ordinary member (以普通党员身份参加党员大会、主题党日活动):
    /// the speaker is one member among the branch's, so 党员大会 rather than the register's 支部党员大会, and a 主题党日 is
    /// an 活动 one takes part in. Other kinds keep their catalogue labels.
    /// </summary>
    private static readonly Dictionary<MeetingKind, string> AsMemberWording = new()
    {
        [MeetingKind.BranchGeneralMeeting] = "党员大会",
        [MeetingKind.ThemeDay] = "主题党日活动",
    };

    private static bool IsDone(DutyItemReportFact duty) => duty.Status is DutyStatus.Done or DutyStatus.Verified;

    private static ReportFigure Meetings(string key, List<MeetingFact> meetings, MeetingKind kind, string unit) =>
        Count(key, unit, meetings.Where(m => m.Kind == kind).Select(m => (m.NodeId, m.Sequence)));

    private static ReportFigure Brands(string key, List<BrandFact> brands, RecognitionLevel level) =>
        Named(Count(key, ReportUnits.Things, brands.Where(b => b.Level == level).Select(b => (b.NodeId, b.Sequence))),
            brands.Where(b => b.Level == level).Select(b => (b.NodeId, b.Sequence, b.Name)));

    /// <summary>The figure with its records' names (each once, in node then sequence order; empty names left out) for the phrase's {names}.</summary>
    private static ReportFigure Named(ReportFigure figure, IEnumerable<(string NodeId, long Sequence, string Name)> names) => figure with
    {
        Names = [.. names.OrderBy(n => n.NodeId, StringComparer.Ordinal).ThenBy(n => n.Sequence).Select(n => n.Name)
            .Where(n => n.Length > 0).Distinct(StringComparer.Ordinal)],
    };

    private static ReportFigure Honours(string key, List<HonourFact> honours, RecognitionLevel level) =>
        Count(key, ReportUnits.Items, honours.Where(h => h.Level == level).Select(h => (h.NodeId, h.Sequence)));

    private static ReportFigure Count(string key, string unit, IEnumerable<(string NodeId, long Sequence)> records) =>
        Sum(key, unit, records.Select(r => (r.NodeId, r.Sequence, 1)));

    /// <summary>Adds up per-record amounts; a record that adds 0 (e.g. a talk with nobody) is still a source.</summary>
    private static ReportFigure Sum(string key, string unit, IEnumerable<(string NodeId, long Sequence, int Amount)> records)
    {
        var ordered = records
            .OrderBy(r => r.NodeId, StringComparer.Ordinal)
            .ThenBy(r => r.Sequence)
            .ToList();
        var byNode = ordered
            .GroupBy(r => r.NodeId, StringComparer.Ordinal)
            .Select(g => new NodeValue(g.Key, checked(g.Sum(r => r.Amount))))
            .ToList();
        return new ReportFigure(
            key,
            checked(byNode.Sum(n => n.Value)),
            unit,
            ordered.Select(r => new RecordRef(r.NodeId, r.Sequence)).ToList(),
            byNode);
    }

    /// <summary>Figures the caller counted per node, with no records behind them here.</summary>
    private static ReportFigure PerNode(string key, string unit, IEnumerable<(string NodeId, int Value)> values)
    {
        var byNode = values
            .GroupBy(v => v.NodeId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new NodeValue(g.Key, checked(g.Sum(v => v.Value))))
            .ToList();
        return new ReportFigure(key, checked(byNode.Sum(n => n.Value)), unit, [], byNode);
    }

    private static IEnumerable<(string NodeId, int Value)> BranchesMet(List<ThreeMeetingsOneLectureFact> facts) =>
        facts
            .GroupBy(t => t.NodeId, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Sum(t => t.Held) >= g.Sum(t => t.Required) ? 1 : 0));

    /// <summary>
    /// Distinct quarters with a review; the sources are every review that fell in such a quarter. Named by the working
    /// mechanisms the reviews were heard through (通过“…”工作机制，每季度听取一次…), so no mechanism is typed twice.
    /// </summary>
    private static ReportFigure QuartersCovered(List<QuarterlyReviewFact> reviews)
    {
        var figure = Named(Count(ReportFigureKeys.QuartersReviewed, ReportUnits.Things, reviews.Select(r => (r.NodeId, r.Sequence))),
            reviews.Select(r => (r.NodeId, r.Sequence, r.Mechanism.Trim())));
        var quarters = reviews.Select(r => Period.Containing(r.Date, PeriodKind.Quarter)).Distinct().Count();
        return figure with { Value = quarters, ByNode = [] };
    }

    /// <summary>主持召开…: the meetings the party-group secretary chaired, named by the topics they studied (each once, in record order).</summary>
    private static ReportFigure ChairedBySecretary(List<MeetingFact> chaired)
    {
        var ordered = chaired.OrderBy(m => m.NodeId, StringComparer.Ordinal).ThenBy(m => m.Sequence).ToList();
        return Count(ReportFigureKeys.ChairedBySecretary, ReportUnits.Times, ordered.Select(m => (m.NodeId, m.Sequence))) with
        {
            Names = [.. ordered.SelectMany(m => m.Topics).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)],
        };
    }

    /// <summary>
    /// Campaigns by name: a campaign runs for years with a status record now and then, so it counts once
    /// however many records (and nodes) it has; the sources are every record that counted.
    /// </summary>
    private static ReportFigure Campaigns(string key, List<CampaignFact> campaigns)
    {
        var figure = Named(Count(key, ReportUnits.Items, campaigns.Select(c => (c.NodeId, c.Sequence))), campaigns.Select(c => (c.NodeId, c.Sequence, c.Name)));
        return figure with { Value = campaigns.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count(), ByNode = [] };
    }

    /// <summary>Each campaign's latest record of the year (by date, then node and sequence).</summary>
    private static IEnumerable<CampaignFact> Latest(List<CampaignFact> campaigns) =>
        campaigns
            .GroupBy(c => c.Name, StringComparer.Ordinal)
            .Select(g => g
                .OrderBy(c => c.Date)
                .ThenBy(c => c.NodeId, StringComparer.Ordinal)
                .ThenBy(c => c.Sequence)
                .Last());

    /// <summary>The figures the record catalogue declares (<see cref="Ledger.Catalogue.RecordKindForm.Report"/>), in catalogue order.</summary>
    private static IEnumerable<ReportFigure> CatalogueFigures(IReadOnlyList<RecordFact> records, Period period)
    {
        var inYear = records.Where(r => period.Contains(r.Date)).ToList();
        foreach (var kind in Ledger.Catalogue.RecordCatalogue.Kinds)
        {
            var ofKind = inYear.Where(r => r.Family == kind.BodyField).ToList();
            foreach (var count in kind.Report)
            {
                var selected = ofKind.Where(r => count.Selects(r.Fields)).OrderBy(r => r.NodeId, StringComparer.Ordinal).ThenBy(r => r.Sequence).ToList();
                yield return Sum(count.Key, count.Unit, selected
                    .Select(r => (r.NodeId, r.Sequence, count.SumField is { } field ? Amount(r, field) : 1))) with
                {
                    Names = [.. selected.Select(r => count.NameOf(r.Fields)).OfType<string>().Distinct(StringComparer.Ordinal)],
                };
            }
        }
    }

    // A missing number is 0 (the proto default); a negative one is refused like every other count.
    private static int Amount(RecordFact record, string field)
    {
        var amount = record.Fields.TryGetValue(field, out var text)
            ? int.Parse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture)
            : 0;
        ArgumentOutOfRangeException.ThrowIfNegative(amount, $"{record.Family}.{field}");
        return amount;
    }

    private static void CheckCounts(ReportFacts facts)
    {
        foreach (var talk in facts.Talks)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(talk.People, nameof(TalkFact.People));
        }

        foreach (var risk in facts.RiskPoints)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(risk.Measures, nameof(RiskPointFact.Measures));
        }

        foreach (var service in facts.CommunityService)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(service.Members, nameof(CommunityServiceFact.Members));
            ArgumentOutOfRangeException.ThrowIfNegative(service.RosterSize, nameof(CommunityServiceFact.RosterSize));
        }

        foreach (var branch in facts.ThreeMeetingsOneLecture)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(branch.Held, nameof(ThreeMeetingsOneLectureFact.Held));
            ArgumentOutOfRangeException.ThrowIfNegative(branch.Required, nameof(ThreeMeetingsOneLectureFact.Required));
        }
    }
}
