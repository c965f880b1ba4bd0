using BranchLedger.Contracts.Ledger;
using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Ledger.Catalogue;
using BranchLedger.Domain.Reports;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Domain.Tests.Kinds;

/// <summary>
/// 主题活动 (Activity), the kind added through the record catalogue alone: its rules, its catalogue entry and
/// the report figures its entry declares, counted from its records with no code of its own.
/// </summary>
public sealed class ActivityTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static ActivityDetails Activity(
        ActivityKind kind = ActivityKind.OathRenewal, string topic = "七一重温入党誓词", int participants = 23, string organiser = "机关党委", DateOnly? date = null) =>
        new() { Kind = kind, Date = date ?? Today, Topic = topic, Participants = participants, Organiser = organiser };

    private static IReadOnlyList<FieldViolation> Check(ActivityDetails body) => body.Check(new Violations(), "activity.", Today).Items;

    [Fact]
    public void A_complete_activity_is_accepted_and_organiser_and_participants_may_be_left_out()
    {
        Assert.Empty(Check(Activity()));
        Assert.Empty(Check(Activity(organiser: "", participants: 0)));
    }

    [Fact]
    public void Each_refusal_names_its_field_by_the_catalogues_path()
    {
        Assert.Equal("activity.kind", Assert.Single(Check(Activity(kind: ActivityKind.Unspecified))).Field);
        Assert.Equal("activity.kind", Assert.Single(Check(Activity(kind: (ActivityKind)99))).Field);
        Assert.Equal("activity.topic", Assert.Single(Check(Activity(topic: " "))).Field);
        Assert.Equal("activity.participants", Assert.Single(Check(Activity(participants: -1))).Field);
        Assert.Equal("activity.date", Assert.Single(Check(Activity(date: new DateOnly(1999, 12, 31)))).Field);
        Assert.Equal("activity.date", Assert.Single(Check(Activity(date: Today.AddDays(2)))).Field);

        var form = RecordCatalogue.Find("activity")!;
        var topic = form.Field("activity.topic")!;
        Assert.Equal([topic.ViolationPath], Check(Activity(topic: new string('题', topic.Rule.MaxLength + 1))).Select(v => v.Field));
        Assert.Empty(Check(Activity(topic: new string('题', topic.Rule.MaxLength))));
        var organiser = form.Field("activity.organiser")!;
        Assert.Equal([organiser.ViolationPath], Check(Activity(organiser: new string('名', organiser.Rule.MaxLength + 1))).Select(v => v.Field));
        Assert.Equal("activity.notes", Assert.Single(Check(Activity() with { Notes = new string('记', RecordRules.MaxNotesLength + 1) })).Field);
    }

    [Fact]
    public void The_catalogue_entry_is_written_through_the_generic_write_with_five_sub_kinds_in_Chinese()
    {
        var form = RecordCatalogue.Find("activity")!;
        Assert.Equal("主题活动", form.Label);
        Assert.Equal(RecordKindForm.GenericRpc, form.Rpc);
        Assert.Equal("/v1/nodes/{node_id}/records", form.HttpPath);
        Assert.Equal("activity", form.BodyField);
        // The theme and the party-group secretary's own 宣讲 (shown for 宣讲 only) came later, for the report's 围绕…，带头深入基层宣讲….
        Assert.Equal(
            ["activity.kind", "activity.date", "activity.topic", "activity.participants", "activity.organiser", "activity.theme", "activity.byPartyGroupSecretary", "activity.notes"],
            form.Fields.Select(f => f.JsonPath));
        Assert.Equal(["ACTIVITY_KIND_OUTREACH_TALK"], form.Field("activity.byPartyGroupSecretary")!.ShownWhen!.Values);
        Assert.Equal(["重温入党誓词", "现场参观学习", "宣讲", "志愿活动", "其他"], form.Field("activity.kind")!.Choices.Select(c => c.Label));
        Assert.Equal("ACTIVITY_KIND_OATH_RENEWAL", form.Field("activity.kind")!.Choices[0].Value);
        Assert.Same(form, RecordCatalogue.ByBody("activity"));
    }

    [Fact]
    public void Its_body_type_and_fields_are_found_by_name()
    {
        Assert.Equal(typeof(ActivityDetails), RecordBodies.TypeOf("activity"));
        Assert.All(RecordCatalogue.Find("activity")!.Fields, f => Assert.NotNull(RecordBodies.Property(typeof(ActivityDetails), f.Rule.Name)));
        Assert.Equal("七一重温入党誓词", RecordBodies.Summary(Activity()));
    }

    [Fact]
    public void Its_records_become_report_facts_with_their_choice_and_number_fields()
    {
        var fact = RecordBodies.Fact("g", 4, Activity(ActivityKind.SiteVisit, participants: 12))!;
        Assert.Equal(("g", 4L, "activity", Today), (fact.NodeId, fact.Sequence, fact.Family, fact.Date));
        Assert.Equal("ACTIVITY_KIND_SITE_VISIT", fact.Fields["kind"]);
        Assert.Equal("12", fact.Fields["participants"]);
        // Kinds the report counts in code get no generic fact, so nothing is counted twice.
        Assert.Null(RecordBodies.Fact("g", 5, new QuarterlyReviewDetails { Date = Today, Topic = "汇报" }));
    }

    [Fact]
    public void The_year_s_activities_are_counted_by_sub_kind_and_their_participants_added_up()
    {
        ActivityDetails[] year =
        [
            Activity(ActivityKind.OathRenewal, participants: 20), Activity(ActivityKind.OathRenewal, participants: 15),
            Activity(ActivityKind.SiteVisit, participants: 30), Activity(ActivityKind.OutreachTalk, participants: 0),
            Activity(ActivityKind.Volunteering, participants: 8), Activity(ActivityKind.Other, participants: 2),
        ];
        var records = year.Select((a, i) => RecordBodies.Fact("g", i + 1, a)!)
            // Another year's activity counts for neither figure.
            .Append(RecordBodies.Fact("g", 99, Activity(date: new DateOnly(2025, 7, 1)))!)
            .ToList();

        var figures = AnnualReportFigures.Compute(ReportFacts.Empty with { Records = records }, 2026);

        Assert.Equal(6, figures["activities.total"].Value);
        Assert.Equal(ReportUnits.Times, figures["activities.total"].Unit);
        Assert.Equal(75, figures["activities.participants"].Value);
        Assert.Equal(ReportUnits.PersonTimes, figures["activities.participants"].Unit);
        Assert.Equal(2, figures["activities.oath-renewal"].Value);
        Assert.Equal([new RecordRef("g", 1), new RecordRef("g", 2)], figures["activities.oath-renewal"].Sources);
        Assert.Equal(1, figures["activities.site-visit"].Value);
        Assert.Equal(1, figures["activities.outreach-talk"].Value);
        Assert.Equal(1, figures["activities.volunteering"].Value);
        Assert.True(AnnualReportFigures.Compute(ReportFacts.Empty, 2026)["activities.total"].HasNoRecords);
        Assert.Equal("activities.total", ReportCoverage.Families["activity"]);
    }

    [Fact]
    public void A_negative_number_in_a_fact_is_refused_like_every_other_count()
    {
        var fact = RecordBodies.Fact("g", 1, Activity())! with { Fields = new Dictionary<string, string> { ["kind"] = "ACTIVITY_KIND_OTHER", ["participants"] = "-1" } };
        Assert.Throws<ArgumentOutOfRangeException>(() => AnnualReportFigures.Compute(ReportFacts.Empty with { Records = [fact] }, 2026));
    }
}
