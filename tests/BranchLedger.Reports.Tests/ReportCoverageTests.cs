using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Reports;
using Google.Protobuf.Reflection;
using BranchLedger.Domain.Warnings;
using V1 = BranchLedger.Api.V1;

namespace BranchLedger.Reports.Tests;

/// <summary>
/// Issue 19, "recorded, but never reported": every kind and sub-kind the API accepts, recorded once, is seen
/// in the report or is in the documented exclusions. The kinds come from the API's descriptors, so a kind
/// added later fails here until it is reported or excluded in <see cref="ReportCoverage"/>.
/// </summary>
public sealed class ReportCoverageTests
{
    private const int Year = SampleFacts.Year;
    private const string Node = SampleFacts.Group;
    private static readonly DateOnly Day = new(Year, 6, 15);
    private static readonly RecordRef One = new(Node, 1);

    /// <summary>Every entry a ledger can hold: the record bodies, corrections and reviews.</summary>
    private static IEnumerable<string> ApiFamilies() =>
        V1.LedgerRecord.Descriptor.Oneofs.Single(o => o.Name == "body").Fields.Select(f => f.Name);

    public static TheoryData<string> Families() => new(ApiFamilies());

    /// <summary>The API's values of an enum (not the unspecified 0), as the domain's enum (whose values match the API's).</summary>
    private static TheoryData<TKind> SubKinds<TKind>(EnumDescriptor descriptor) where TKind : struct, Enum =>
        new(descriptor.Values.Where(v => v.Number != 0).Select(v => (TKind)Enum.ToObject(typeof(TKind), v.Number)));

    private static EnumDescriptor ApiEnum(string name) => V1.LedgerReflection.Descriptor.EnumTypes.Single(e => e.Name == name);

    public static TheoryData<MeetingKind> MeetingKinds() => SubKinds<MeetingKind>(ApiEnum("MeetingKind"));
    public static TheoryData<TalkKind> TalkKinds() => SubKinds<TalkKind>(ApiEnum("TalkKind"));
    public static TheoryData<CommunityServiceKind> CommunityServiceKinds() => SubKinds<CommunityServiceKind>(ApiEnum("CommunityServiceKind"));
    public static TheoryData<RecognitionLevel> Levels() => SubKinds<RecognitionLevel>(ApiEnum("RecognitionLevel"));
    public static TheoryData<BrandStatus> BrandStatuses() => SubKinds<BrandStatus>(ApiEnum("BrandStatus"));
    public static TheoryData<CampaignStatus> CampaignStatuses() => SubKinds<CampaignStatus>(ApiEnum("CampaignStatus"));
    public static TheoryData<RecipientKind> Recipients() => SubKinds<RecipientKind>(ApiEnum("RecipientKind"));

    [Fact]
    public void Every_kind_of_record_body_is_an_entry_the_ledger_holds()
    {
        Assert.Subset(ApiFamilies().ToHashSet(), V1.RecordBody.Descriptor.Oneofs.Single().Fields.Select(f => f.Name).ToHashSet());
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void Every_family_is_reported_or_excluded_with_a_reason_never_both(string family)
    {
        var reported = ReportCoverage.Families.ContainsKey(family);
        var excluded = ReportCoverage.Excluded.TryGetValue(family, out var reason);

        Assert.True(reported ^ excluded, $"'{family}' must be either reported or excluded in ReportCoverage");
        Assert.True(!excluded || reason!.Length > 20, $"'{family}' is excluded without a reason");
    }

    [Fact]
    public void The_catalogue_names_only_families_the_api_has_and_only_figures_the_domain_computes()
    {
        var families = ApiFamilies().ToHashSet();
        var keys = AnnualReportFigures.Compute(ReportFacts.Empty, Year).Figures.Select(f => f.Key).ToHashSet();

        Assert.Subset(families, ReportCoverage.Families.Keys.ToHashSet());
        Assert.Subset(families, ReportCoverage.Excluded.Keys.Select(k => k.Split(':')[0]).ToHashSet());
        IEnumerable<string> figureKeys =
        [
            .. ReportCoverage.Families.Values.Where(v => v is not ReportCoverage.BySubKind and not ReportCoverage.SelfAssessmentText),
            .. ReportCoverage.Meetings.Values, .. ReportCoverage.Talks.Values, .. ReportCoverage.CommunityService.Values, .. ReportCoverage.BrandLevels.Values,
        ];
        Assert.Subset(keys, figureKeys.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(MeetingKinds))]
    public void Every_meeting_kind_recorded_once_is_stated_in_the_report(MeetingKind kind)
    {
        Assert.True(Enum.IsDefined(kind), $"the domain has no MeetingKind {kind}");
        var key = Assert.Contains(kind, ReportCoverage.Meetings);
        if (ReportCoverage.ThreeMeetingsOneLecture.Contains(kind))
        {
            // 三会一课 counts through compliance (rules as data, per closed period), which the grain layer
            // gives as a branch's held / required; the one meeting held is what the branch counted.
            Assert.Equal(ReportFigureKeys.ThreeMeetingsHeld, key);
            var facts = ReportFacts.Empty with { ThreeMeetingsOneLecture = [new ThreeMeetingsOneLectureFact(SampleFacts.Branch, Year, 1, 1)] };
            AssertStated(facts, key, expectSource: false);
            return;
        }

        AssertStated(ReportFacts.Empty with { Meetings = [new MeetingFact(Node, 1, kind, Day)] }, key);
    }

    [Theory]
    [MemberData(nameof(TalkKinds))]
    public void Every_talk_kind_recorded_once_is_stated_in_the_report(TalkKind kind)
    {
        Assert.True(Enum.IsDefined(kind), $"the domain has no TalkKind {kind}");
        AssertStated(ReportFacts.Empty with { Talks = [new TalkFact(Node, 1, kind, 1, Day)] }, Assert.Contains(kind, ReportCoverage.Talks));
    }

    [Theory]
    [MemberData(nameof(CommunityServiceKinds))]
    public void Every_kind_of_community_service_recorded_once_is_stated_in_the_report(CommunityServiceKind kind)
    {
        Assert.True(Enum.IsDefined(kind), $"the domain has no CommunityServiceKind {kind}");
        AssertStated(
            ReportFacts.Empty with { CommunityService = [new CommunityServiceFact(Node, 1, kind, 1, Day)] },
            Assert.Contains(kind, ReportCoverage.CommunityService));
    }

    [Theory]
    [MemberData(nameof(Levels))]
    public void A_brand_project_of_every_level_is_stated_in_the_report(RecognitionLevel level)
    {
        Assert.True(Enum.IsDefined(level), $"the domain has no RecognitionLevel {level}");
        AssertStated(
            ReportFacts.Empty with { Brands = [new BrandFact(Node, 1, level, BrandStatus.Building, Day)] },
            Assert.Contains(level, ReportCoverage.BrandLevels));
    }

    [Theory]
    [MemberData(nameof(BrandStatuses))]
    public void A_brand_project_of_every_status_is_stated_or_its_status_is_excluded(BrandStatus status)
    {
        Assert.True(Enum.IsDefined(status), $"the domain has no BrandStatus {status}");
        if (ReportCoverage.Excluded.ContainsKey(ReportCoverage.Key("brand_project", status)))
        {
            var figures = AnnualReportFigures.Compute(ReportFacts.Empty with { Brands = [new BrandFact(Node, 1, RecognitionLevel.City, status, Day)] }, Year);
            Assert.All(figures.Figures, f => Assert.DoesNotContain(One, f.Sources));
            return;
        }

        AssertStated(
            ReportFacts.Empty with { Brands = [new BrandFact(Node, 1, RecognitionLevel.City, status, Day)] },
            ReportCoverage.BrandLevels[RecognitionLevel.City]);
    }

    [Theory]
    [MemberData(nameof(Levels))]
    public void An_honour_of_every_level_and_recipient_is_stated_in_the_report(RecognitionLevel level)
    {
        foreach (var recipient in Recipients())
        {
            AssertStated(ReportFacts.Empty with { Honours = [new HonourFact(Node, 1, level, recipient, Day)] }, ReportCoverage.Families["honour"]);
        }
    }

    [Theory]
    [MemberData(nameof(CampaignStatuses))]
    public void A_campaign_of_every_status_is_stated_in_the_report(CampaignStatus status)
    {
        Assert.True(Enum.IsDefined(status), $"the domain has no CampaignStatus {status}");
        AssertStated(
            ReportFacts.Empty with { Campaigns = [new CampaignFact(Node, 1, "模范机关创建", status, Day)] },
            ReportCoverage.Families["campaign"]);
    }

    [Theory]
    [InlineData("quarterly_review")]
    [InlineData("risk_point")]
    [InlineData("duty_item")]
    [InlineData("finding")]
    public void Every_other_counted_family_recorded_once_is_stated_in_the_report(string family)
    {
        var facts = family switch
        {
            "quarterly_review" => ReportFacts.Empty with { QuarterlyReviews = [new QuarterlyReviewFact(Node, 1, Day)] },
            "risk_point" => ReportFacts.Empty with { RiskPoints = [new RiskPointFact(Node, 1, 2, Day)] },
            "duty_item" => ReportFacts.Empty with { DutyItems = [new DutyItemReportFact(Node, 1, Day, DutyStatus.Planned, false)] },
            _ => ReportFacts.Empty with { Findings = [new FindingReportFact(Node, 1, Day, false, false)] },
        };

        AssertStated(facts, ReportCoverage.Families[family]);
    }

    public static TheoryData<string> CatalogueReportedKinds() =>
        new(Domain.Ledger.Catalogue.RecordCatalogue.Kinds.Where(k => k.Report.Count > 0).Select(k => k.BodyField));

    [Theory]
    [MemberData(nameof(CatalogueReportedKinds))]
    public void A_kind_reported_by_its_catalogue_entry_recorded_once_with_each_choice_is_stated_in_the_report(string family)
    {
        var kind = Domain.Ledger.Catalogue.RecordCatalogue.ByBody(family)!;
        var choices = kind.Fields.Where(f => f.Rule.Type == Domain.Ledger.Catalogue.FieldType.Choice).ToList();
        Assert.NotEmpty(choices);
        foreach (var choice in choices)
        {
            foreach (var value in choice.Choices)
            {
                // Every field present: choices at this value, numbers at 3, text (which names a record) as 甲.
                var fields = kind.Fields
                    .Where(f => f.Rule.Type is Domain.Ledger.Catalogue.FieldType.Choice or Domain.Ledger.Catalogue.FieldType.WholeNumber or Domain.Ledger.Catalogue.FieldType.Text)
                    .ToDictionary(f => f.Rule.Name, f => f == choice ? value.Value
                        : f.Rule.Type == Domain.Ledger.Catalogue.FieldType.Choice ? f.Choices[0].Value
                        : f.Rule.Type == Domain.Ledger.Catalogue.FieldType.Text ? "甲" : "3");
                var facts = ReportFacts.Empty with { Records = [new RecordFact(Node, 1, family, Day, fields)] };
                AssertStated(facts, ReportCoverage.Families[family]);
                // A figure that selects this value states it too.
                foreach (var count in kind.Report.Where(c => c.WhereField == choice.Rule.Name && c.Selects(fields)))
                {
                    AssertStated(facts, count.Key);
                }
            }
        }
    }

    [Fact]
    public void The_families_with_a_figure_of_their_own_are_each_tested_above()
    {
        // A family added with a figure in code needs its fact built in the test above; one added through the
        // record catalogue is tested by its catalogue entry (the theory above).
        var catalogued = Domain.Ledger.Catalogue.RecordCatalogue.Kinds.Where(k => k.Report.Count > 0).Select(k => k.BodyField).ToHashSet();
        Assert.Equal(
            ["campaign", "duty_item", "finding", "honour", "quarterly_review", "risk_point"],
            ReportCoverage.Families.Where(f => f.Value is not ReportCoverage.BySubKind and not ReportCoverage.SelfAssessmentText && !catalogued.Contains(f.Key))
                .Select(f => f.Key).Order());
        Assert.Equal(
            ["brand_project", "community_service", "meeting", "talk"],
            ReportCoverage.Families.Where(f => f.Value is ReportCoverage.BySubKind).Select(f => f.Key).Order());
    }

    [Fact]
    public void A_self_assessment_entry_recorded_once_is_the_reports_text()
    {
        Assert.Equal(ReportCoverage.SelfAssessmentText, ReportCoverage.Families["self_assessment"]);
        var facts = ReportFacts.Empty with { SelfAssessment = [new SelfAssessmentFact(Node, 1, Year, SelfAssessmentSection.Cause, 1, "学用结合有所欠缺。")] };

        Assert.Contains("一是学用结合有所欠缺。", SampleFacts.Body(SampleFacts.Compose(AnnualReportFigures.Compute(facts, Year))));
    }

    /// <summary>The figure counted the record and the report's body states it with its number, not the "no records" phrase.</summary>
    private static void AssertStated(ReportFacts facts, string key, bool expectSource = true)
    {
        var figures = AnnualReportFigures.Compute(facts, Year);
        var figure = figures[key];
        Assert.False(figure.HasNoRecords, $"{key} counted nothing");
        if (expectSource)
        {
            Assert.Contains(One, figure.Sources);
        }

        var phrase = AnnualReportComposer.Phrase(ReportTemplate.AnnualReportZh, figures, key);
        Assert.NotNull(phrase);
        Assert.NotEqual(ReportTemplate.AnnualReportZh.Figures[key].None, phrase);
        Assert.Contains(phrase, SampleFacts.Body(SampleFacts.Compose(figures)));
    }
}
