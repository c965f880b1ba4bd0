using BranchLedger.Api.V1;
using BranchLedger.Integration.Tests.Infrastructure;
using LedgerLabels = global::BranchLedger.Reports.LedgerLabels;

namespace BranchLedger.Integration.Tests.Cli;

/// <summary>Human output names record kinds and enum values as the reports do; --json keeps the API's names.</summary>
public sealed class CliLabelTests(GatewayFixture fixture) : CliTestClass(fixture)
{
    // Issue 16, item 13: these API names used to appear where a person reads.
    private static readonly string[] EnumNames =
        ["PartyLecture", "BranchCommitteeMeeting", "HeartToHeart", "FixNow", "Done", "Meeting", "Talk", "DutyItem", "DutyProgress", "Finding"];

    [Fact]
    public async Task Records_list_prints_the_reports_chinese_labels_and_json_keeps_the_api_names()
    {
        const string tenant = "cli-labels";
        await Cli.SucceedAsync("tenants", "create", tenant, "市科协");
        await Cli.SucceedAsync("--tenant", tenant, "nodes", "import", CliRun.Example("tree.csv"));
        var file = Cli.Scratch("labelled.json");
        await File.WriteAllTextAsync(file, """
            [
              { "nodeId": "office-branch", "body": { "meeting": { "kind": "MEETING_KIND_PARTY_LECTURE", "date": { "year": 2026, "month": 3, "day": 3 },
                "topic": "学习党章", "attendees": 20, "expectedAttendees": 23 } } },
              { "nodeId": "office-branch", "body": { "meeting": { "kind": "MEETING_KIND_BRANCH_COMMITTEE_MEETING", "date": { "year": 2026, "month": 3, "day": 5 },
                "topic": "研究发展党员工作", "attendees": 5, "expectedAttendees": 5 } } },
              { "nodeId": "office-branch", "body": { "talk": { "kind": "TALK_KIND_HEART_TO_HEART", "date": { "year": 2026, "month": 3, "day": 6 },
                "topic": "思想交流", "personA": "李明", "personB": "张华" } } },
              { "nodeId": "office-branch", "body": { "finding": { "date": { "year": 2026, "month": 3, "day": 9 }, "findingId": "f-1", "source": "市委第二巡察组",
                "finding": "会议记录不规范", "measures": ["规范会议记录"], "responsiblePerson": "李明", "responsibleLeader": "王强",
                "type": "REMEDIATION_TYPE_FIX_NOW", "deadline": { "year": 2026, "month": 4, "day": 30 } } } },
              { "nodeId": "office-branch", "body": { "dutyItem": { "date": { "year": 2026, "month": 3, "day": 10 }, "dutyId": "d-1", "duty": "制定年度党建工作计划",
                "actor": "ACTOR_CLASS_SECRETARY_FIRST_RESPONSIBLE", "owner": "李明", "due": { "year": 2026, "month": 3, "day": 31 } } } },
              { "nodeId": "office-branch", "body": { "dutyProgress": { "date": { "year": 2026, "month": 3, "day": 20 }, "dutyId": "d-1", "status": "DUTY_STATUS_DONE" } } }
            ]
            """);
        await Cli.SucceedAsync("--tenant", tenant, "records", "import", file);

        var human = await Cli.SucceedAsync("--tenant", tenant, "records", "list", "office-branch");
        var json = await Cli.SucceedAsync("--tenant", tenant, "--json", "records", "list", "office-branch");

        Assert.Contains("6 records", human.Out);
        foreach (var label in new[] { "党课", "支委会", "谈心谈话", "立行立改", "已完成", "会议学习", "谈话", "巡察问题", "责任清单", "责任清单进展" })
        {
            Assert.Contains(label, human.Out);
        }

        Assert.All(EnumNames, name => Assert.DoesNotContain(name, human.Out));
        foreach (var name in new[] { "MEETING_KIND_PARTY_LECTURE", "MEETING_KIND_BRANCH_COMMITTEE_MEETING", "TALK_KIND_HEART_TO_HEART", "REMEDIATION_TYPE_FIX_NOW", "DUTY_STATUS_DONE" })
        {
            Assert.Contains(name, json.Out);
        }

        Assert.All(new[] { "支委会", "谈心谈话", "立行立改", "会议学习" }, label => Assert.DoesNotContain(label, json.Out));
    }

    [Fact]
    public void Every_value_of_the_enums_the_records_list_prints_has_a_label()
    {
        static IEnumerable<string> Unlabelled<T>()
            where T : struct, Enum =>
            Enum.GetValues<T>().Where(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) != 0 && LedgerLabels.Zh.Of(v) == v.ToString())
                .Select(v => $"{typeof(T).Name}.{v}");

        Assert.Empty(Unlabelled<MeetingKind>()
            .Concat(Unlabelled<TalkKind>())
            .Concat(Unlabelled<CommunityServiceKind>())
            .Concat(Unlabelled<RecognitionLevel>())
            .Concat(Unlabelled<BrandStatus>())
            .Concat(Unlabelled<CampaignStatus>())
            .Concat(Unlabelled<SelfAssessmentSection>())
            .Concat(Unlabelled<DutyStatus>())
            .Concat(Unlabelled<RemediationType>()));
        Assert.All(LedgerRecord.Descriptor.Oneofs.Single().Fields, f => Assert.NotEqual(f.Name, LedgerLabels.Zh.Sheet(f.Name)));
    }
}
