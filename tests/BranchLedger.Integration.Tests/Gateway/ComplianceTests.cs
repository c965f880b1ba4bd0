using BranchLedger.Api.V1;
using BranchLedger.Integration.Tests.Infrastructure;
using BranchLedger.Integration.Tests.Reports;
using Google.Rpc;
using Grpc.Core;

namespace BranchLedger.Integration.Tests.Gateway;

/// <summary>Obligations met, missed and due, computed from the records over real gRPC.</summary>
public sealed class ComplianceTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string Tenant = "tenant-compliance";
    private static readonly Metadata Caller = GatewayHost.As(Tenant);
    private readonly LedgerService.LedgerServiceClient _ledger = fixture.Ledger;

    private async Task Meet(string node, string id, MeetingKind kind, int month, int attendees, int expected)
    {
        var request = Meetings.Request(node, id);
        request.Meeting.Kind = kind;
        request.Meeting.Date = new Google.Type.Date { Year = 2025, Month = month, Day = 10 };
        request.Meeting.Attendees = attendees;
        request.Meeting.ExpectedAttendees = expected;
        await _ledger.RecordMeetingAsync(request, Caller);
    }

    [Fact]
    public async Task A_closed_quarter_shows_met_missed_and_quorum_failures_with_the_records_that_counted()
    {
        const string node = "branch-q1";
        await fixture.EnsureAsync(Tenant, node);
        await fixture.Directory.SetRosterAsync(new SetRosterRequest
        {
            RequestId = "q1-roster", NodeId = node, EffectiveFrom = new Google.Type.Date { Year = 2024, Month = 1, Day = 1 },
            CommitteeMembers = 5, Members = 20, VotingMembers = 18,
        }, Caller);
        await Meet(node, "c-jan", MeetingKind.BranchCommitteeMeeting, 1, 4, 5);
        await Meet(node, "c-feb", MeetingKind.BranchCommitteeMeeting, 2, 3, 5);
        await Meet(node, "c-feb-2", MeetingKind.BranchCommitteeMeeting, 2, 5, 5);
        await Meet(node, "g-mar", MeetingKind.BranchGeneralMeeting, 3, 9, 18);

        var report = await _ledger.GetComplianceAsync(new GetComplianceRequest { NodeId = node, Period = "2025-Q1" }, Caller);

        var committee = report.Rows.Where(r => r.RuleId == "branch-committee-meeting").ToList();
        Assert.Equal(["2025-01", "2025-02", "2025-03"], committee.Select(r => r.Period));
        Assert.Equal([ObligationStatus.Met, ObligationStatus.Met, ObligationStatus.Missed], committee.Select(r => r.Status));
        Assert.Equal((1, 2), (committee[1].Counted, committee[1].Raw));
        Assert.Equal(["rec-2", "rec-3"], committee[1].RecordIds);

        var general = Assert.Single(report.Rows, r => r.RuleId == "branch-general-meeting");
        Assert.Equal(ObligationStatus.Missed, general.Status);
        Assert.Equal(["rec-4"], general.QuorumFailures);
        Assert.False(string.IsNullOrEmpty(general.Source));

        Assert.Contains(report.Warnings, w => w.Kind == WarningKind.QuorumFailure && w.RecordId == "rec-4");
        Assert.Contains(report.Warnings, w => w.Kind == WarningKind.MissedObligation && w.SubjectId == "branch-committee-meeting" && w.Period == "2025-03");
        Assert.DoesNotContain(report.Rows, r => r.RuleId == "theory-study-group");
        Assert.True(report.Missed > 0);
        Assert.InRange(report.ComplianceRate, 0.01, 0.99);
    }

    [Fact]
    public async Task Party_group_rules_apply_to_organisations()
    {
        const string node = "org-party-group-rules";
        await fixture.EnsureAsync(Tenant, node);
        await Meet(node, "t-1", MeetingKind.TheoryStudyGroup, 1, 7, 7);
        await _ledger.RecordQuarterlyReviewAsync(new RecordQuarterlyReviewRequest
        {
            NodeId = node, RequestId = "r-1",
            QuarterlyReview = new QuarterlyReview { Date = new Google.Type.Date { Year = 2025, Month = 3, Day = 28 }, Topic = "一季度党建工作汇报" },
        }, Caller);

        var report = await _ledger.GetComplianceAsync(new GetComplianceRequest { NodeId = node, Period = "2025-Q1" }, Caller);

        Assert.Equal(ObligationStatus.Met, Assert.Single(report.Rows, r => r.RuleId == "theory-study-group").Status);
        Assert.Equal(ObligationStatus.Met, Assert.Single(report.Rows, r => r.RuleId == "party-building-review").Status);
        Assert.DoesNotContain(report.Rows, r => r.RuleId == "branch-committee-meeting");
    }

    [Fact]
    public async Task Obligations_do_not_reach_back_before_the_branch_came_into_force()
    {
        // Issue 16, item 6: branches whose first roster is in force from 2025-01-01, asked about 2024.
        const string tenant = "tenant-in-force";
        var caller = GatewayHost.As(tenant);
        string[] branches = ["new-branch-a", "new-branch-b", "new-branch-c"];
        foreach (var branch in branches)
        {
            await fixture.EnsureAsync(tenant, branch);
            await fixture.Directory.SetRosterAsync(new SetRosterRequest
            {
                RequestId = $"roster-{branch}", NodeId = branch, EffectiveFrom = new Google.Type.Date { Year = 2025, Month = 1, Day = 1 },
                CommitteeMembers = 5, Members = 20, VotingMembers = 18,
            }, caller);
        }

        var before = await _ledger.GetComplianceAsync(new GetComplianceRequest { NodeId = branches[0], Period = "2024" }, caller);
        var from = await _ledger.GetComplianceAsync(new GetComplianceRequest { NodeId = branches[0], Period = "2025" }, caller);

        Assert.NotEmpty(before.Rows);
        Assert.All(before.Rows, r => Assert.Equal(ObligationStatus.NotInForce, r.Status));
        Assert.Equal((0, 0, 0), (before.Met, before.Missed, before.Due));
        Assert.DoesNotContain(before.Warnings, w => w.Kind == WarningKind.MissedObligation);
        Assert.DoesNotContain(from.Rows, r => r.Status == ObligationStatus.NotInForce);
        Assert.True(from.Missed > 0);

        var report = await Download.ReadAsync(fixture.Reports.GenerateAnnualReport(
            new GenerateAnnualReportRequest { NodeId = Nodes.Root, Year = 2024, Format = ReportFormat.Markdown }, caller));
        Assert.DoesNotContain("应召开96次", report.Text);
        Assert.DoesNotContain("0个支部全年达到要求", report.Text);
        Assert.Contains("各支部“三会一课”本年度暂无统计记录（应召开次数暂无统计记录），达标支部暂无统计记录", report.Text);
        var trace = await fixture.Reports.GetReportTraceAsync(new GetReportTraceRequest { NodeId = Nodes.Root, Year = 2024 }, caller);
        Assert.All(trace.Figures.Where(f => f.FigureKey.StartsWith("three-meetings.", StringComparison.Ordinal)), f => Assert.True(f.NoRecords));

        // 2025 is in force: the same branches owe (and, with nothing held, miss) their 三会一课.
        var inForce = await Download.ReadAsync(fixture.Reports.GenerateAnnualReport(
            new GenerateAnnualReportRequest { NodeId = Nodes.Root, Year = 2025, Format = ReportFormat.Markdown }, caller));
        Assert.Contains("应召开96次", inForce.Text);
        Assert.Contains("0个支部全年达到要求", inForce.Text);
    }

    [Theory]
    [InlineData("2025-13")]
    [InlineData("Q1")]
    [InlineData("")]
    public async Task A_malformed_period_is_an_invalid_argument(string period)
    {
        await fixture.EnsureAsync(Tenant, "branch-periods");
        var error = await Assert.ThrowsAsync<RpcException>(() => _ledger.GetComplianceAsync(
            new GetComplianceRequest { NodeId = "branch-periods", Period = period }, Caller).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("period", error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
    }
}
