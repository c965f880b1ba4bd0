using BranchLedger.Api.V1;
using BranchLedger.Integration.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Grpc.Core;

namespace BranchLedger.Integration.Tests.Reports;

/// <summary>
/// Issue 19, "recorded, but never reported": one record of each kind the report used to leave out, written
/// through the gateway, is stated in the generated Markdown and Word report.
/// </summary>
public sealed class ReportCoverageServiceTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>, IAsyncLifetime
{
    private const string Tenant = "tenant-report-coverage";
    private const string Branch = "coverage-branch";
    private static readonly Metadata Caller = GatewayHost.As(Tenant);

    /// <summary>What each previously unreported kind, recorded once, makes the report say.</summary>
    private static readonly string[] Sentences =
    [
        "召开民主生活会1次，认真开展批评和自我批评",
        "各支部开展主题党日活动1次，召开组织生活会1次，开展民主评议党员1次",
        // The sample's words state the symposia and talks without counts (the appendix gives them); no finding here, so no source of remediation is named.
        "先后召开年轻干部座谈会，定期开展谈心谈话、了解思想动态",
        "开展警示教育1次。结合整改（本年度暂无发现问题记录）和节前警示教育等",
        "组织党员到社区开展志愿服务1次",
        "1个区县级及单位内部品牌创建",
        // The sample's words (以“模范机关”创建为抓手) name the campaign; whether it was achieved follows later in the paragraph.
        "以模范机关创建为抓手，",
        "创建活动中1项已达成创建目标",
    ];

    public async Task InitializeAsync()
    {
        await fixture.EnsureAsync(Tenant, Branch, members: 10);
        await Meeting(Nodes.Root, "democratic-life", MeetingKind.DemocraticLifeMeeting, 2, "党组班子民主生活会");
        await Meeting(Nodes.Root, "symposium", MeetingKind.Symposium, 3, "年轻干部座谈会");
        await Meeting(Nodes.Root, "warning", MeetingKind.WarningEducation, 4, "节前警示教育");
        await Meeting(Branch, "theme-day", MeetingKind.ThemeDay, 5, "重温入党誓词");
        await Meeting(Branch, "organisational-life", MeetingKind.OrganisationalLifeMeeting, 6, "年度组织生活会");
        await Meeting(Branch, "appraisal", MeetingKind.MemberAppraisal, 7, "民主评议党员");
        await fixture.Ledger.RecordTalkAsync(new RecordTalkRequest
        {
            NodeId = Nodes.Root, RequestId = "heart-to-heart",
            Talk = new Talk { Kind = TalkKind.HeartToHeart, Date = Day(8), Topic = "谈心谈话", PersonA = "张三", PersonB = "李四" },
        }, Caller);
        await fixture.Ledger.RecordCommunityServiceAsync(new RecordCommunityServiceRequest
        {
            NodeId = Branch, RequestId = "service-session",
            CommunityService = new CommunityService { Kind = CommunityServiceKind.ServiceSession, Date = Day(9), Topic = "社区志愿服务", Members = 6, Community = "东城社区" },
        }, Caller);
        await fixture.Ledger.RecordBrandProjectAsync(new RecordBrandProjectRequest
        {
            NodeId = Nodes.Root, RequestId = "district-brand",
            BrandProject = new BrandProject { Date = Day(10), Name = "助残服务品牌", Level = RecognitionLevel.District, Status = BrandStatus.Building },
        }, Caller);
        await fixture.Ledger.RecordCampaignAsync(new RecordCampaignRequest
        {
            NodeId = Nodes.Root, RequestId = "campaign",
            Campaign = new Campaign { Date = Day(11), Name = "模范机关创建", Status = CampaignStatus.Achieved, Level = RecognitionLevel.City },
        }, Caller);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_markdown_report_states_each_previously_unreported_kind_and_traces_it()
    {
        var text = (await Generate(ReportFormat.Markdown)).Text;

        Assert.All(Sentences, s => Assert.Contains(s, text, StringComparison.Ordinal));
        Assert.Contains("| 创建活动 | 模范机关创建 |", text, StringComparison.Ordinal);
        Assert.Contains("| 谈话 | 谈心谈话 |", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_word_report_states_each_previously_unreported_kind()
    {
        var file = await Generate(ReportFormat.Docx);

        using var docx = WordprocessingDocument.Open(new MemoryStream(file.Bytes), false);
        var body = docx.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.All(Sentences, s => Assert.Contains(s, body, StringComparison.Ordinal));
    }

    private Task<Download> Generate(ReportFormat format) => Download.ReadAsync(fixture.Reports.GenerateAnnualReport(
        new GenerateAnnualReportRequest { NodeId = Nodes.Root, Year = 2026, Format = format }, Caller));

    private static Google.Type.Date Day(int day) => new() { Year = 2026, Month = 3, Day = day };

    private async Task Meeting(string node, string requestId, MeetingKind kind, int day, string topic) =>
        await fixture.Ledger.RecordMeetingAsync(new RecordMeetingRequest
        {
            NodeId = node, RequestId = requestId,
            Meeting = new Meeting { Kind = kind, Date = Day(day), Topic = topic, Attendees = 7, ExpectedAttendees = 7 },
        }, Caller);
}
