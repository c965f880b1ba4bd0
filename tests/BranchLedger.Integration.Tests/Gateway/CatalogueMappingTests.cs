using BranchLedger.Api.V1;
using BranchLedger.Domain.Validation;
using BranchLedger.Gateway.Services;

namespace BranchLedger.Integration.Tests.Gateway;

/// <summary>
/// The mapping by name that kinds added through the catalogue use, held against the hand-written mapping of
/// the older kinds: for every older kind without nested messages it gives the same contract body and the same
/// message back, so it can be trusted with a new kind (and could replace those hand-written mappings).
/// </summary>
public sealed class CatalogueMappingTests
{
    private static readonly Google.Type.Date Day = new() { Year = 2026, Month = 6, Day = 18 };

    public static TheoryData<string> OlderFlatKinds() => new(Bodies().Keys);

    private static Dictionary<string, RecordBody> Bodies() => new()
    {
        ["talk"] = new() { Talk = new Talk { Kind = TalkKind.HeartToHeart, Date = Day, Topic = "谈心", People = 2, PersonA = "甲", PersonB = "乙", Notes = "记" } },
        ["quarterly_review"] = new() { QuarterlyReview = new QuarterlyReview { Date = Day, Topic = "汇报", Reporter = "书记", Notes = "要点" } },
        ["community_service"] = new() { CommunityService = new CommunityService { Kind = CommunityServiceKind.ServiceSession, Date = Day, Topic = "服务", Members = 6, Community = "东城社区" } },
        ["risk_point"] = new() { RiskPoint = new RiskPoint { Date = Day, RiskPoint_ = "采购", Measures = { "集体决策", "公开招标" } } },
        ["brand_project"] = new() { BrandProject = new BrandProject { Date = Day, Name = "品牌", Level = RecognitionLevel.City, Status = BrandStatus.Recognised } },
        ["honour"] = new() { Honour = new Honour { Date = Day, Title = "先进", Recipient = "支部", RecipientKind = RecipientKind.Unit, Level = RecognitionLevel.Provincial, AwardedBy = "省委" } },
        ["campaign"] = new() { Campaign = new Campaign { Date = Day, Name = "模范机关创建", Status = CampaignStatus.Achieved, Level = RecognitionLevel.City } },
        ["self_assessment"] = new() { SelfAssessment = new SelfAssessment { Date = Day, Year = 2026, Section = SelfAssessmentSection.NextStep, Order = 2, Text = "措施" } },
        ["duty_item"] = new() { DutyItem = new DutyItem { Date = Day, DutyId = "plan", Duty = "计划", Actor = ActorClass.MemberDualDuty, Owner = "某", Due = Day } },
        ["duty_progress"] = new() { DutyProgress = new DutyProgress { Date = Day, DutyId = "plan", Status = DutyStatus.Verified, Verifier = "核验人" } },
        ["finding"] = new() { Finding = new Finding { Date = Day, FindingId = "f-1", Source = "巡察", Finding_ = "问题", Measures = { "整改" }, ResponsiblePerson = "甲", Type = RemediationType.ByDeadline, Deadline = Day } },
        ["finding_ongoing"] = new() { Finding = new Finding { Date = Day, FindingId = "f-2", Source = "巡察", Finding_ = "问题", ResponsiblePerson = "甲", Type = RemediationType.Ongoing } },
        ["finding_progress"] = new() { FindingProgress = new FindingProgress { Date = Day, FindingId = "f-1", Progress = "进展" } },
        ["finding_closure"] = new() { FindingClosure = new FindingClosure { Date = Day, FindingId = "f-1", Verifier = "核验人" } },
        ["finding_reopening"] = new() { FindingReopening = new FindingReopening { Date = Day, FindingId = "f-1", Reason = "反弹" } },
        ["activity"] = new() { Activity = new Activity { Kind = ActivityKind.Other, Date = Day, Topic = "活动", Participants = 4, Organiser = "工会" } },
    };

    [Theory]
    [MemberData(nameof(OlderFlatKinds))]
    public void By_name_it_maps_each_kind_as_its_hand_written_mapping_does_and_back(string name)
    {
        var message = Bodies()[name];
        var byHand = LedgerMapping.ToBody(message, "body", "", new Violations());
        var byName = CatalogueMapping.ToBody(message, "", new Violations());

        Assert.Equal(byHand.GetType(), byName.GetType());
        Assert.Equal(LedgerMapping.ToMessage(byHand), CatalogueMapping.ToMessage(byName));
        Assert.Equal(message, CatalogueMapping.ToMessage(byName));
    }

    [Fact]
    public void A_missing_or_impossible_day_is_refused_at_the_same_path_as_by_hand()
    {
        var message = new RecordBody { Campaign = new Campaign { Name = "创建", Status = CampaignStatus.Launched, Level = RecognitionLevel.City, Date = new Google.Type.Date { Year = 2026, Month = 2, Day = 30 } } };
        var byHand = new Violations();
        var byName = new Violations();
        LedgerMapping.ToBody(message, "body", "", byHand);
        CatalogueMapping.ToBody(message, "", byName);

        Assert.Equal(["campaign.date"], byName.Items.Select(v => v.Field));
        Assert.Equal(byHand.Items, byName.Items);
    }
}
