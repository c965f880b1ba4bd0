using System.Text.Json.Nodes;
using BranchLedger.Api.V1;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Integration.Tests.Infrastructure;
using Grpc.Core;
using MeetingKind = BranchLedger.Domain.Ledger.MeetingKind;

namespace BranchLedger.Integration.Tests.Scoring;

/// <summary>What the city scoring tests do through the gateway as a supervisor: record meetings of 2025, read a whole ranking, publish a second rubric and wait for its rescoring.</summary>
internal static class ScoringCalls
{
    public static readonly Metadata Supervisor = TestCredentials.Supervisor();

    /// <summary>A meeting of 2025 on the 10th of <paramref name="month"/>.</summary>
    public static AppendCommand Meeting(string id, MeetingKind kind, int month) => new()
    {
        RequestId = id,
        RecordedBy = "secretary",
        Body = new MeetingDetails { Kind = kind, Date = new DateOnly(2025, month, 10), Topic = "会议", Attendees = kind == MeetingKind.BranchCommitteeMeeting ? 5 : 8, ExpectedAttendees = 10 },
    };

    /// <summary>The whole city ranking of <paramref name="period"/>, page by page.</summary>
    public static async Task<List<(double Total, string Tenant, string Node)>> ReadRankingAsync(GatewayFixture fixture, string period)
    {
        var rows = new List<(double, string, string)>();
        var token = "";
        do
        {
            var page = await fixture.Ranking.ListTopBranchesAsync(new ListTopBranchesRequest { Period = period, PageSize = 500, PageToken = token }, Supervisor);
            rows.AddRange(page.Branches.Select(b => (b.Total, b.TenantId, b.NodeId)));
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return rows;
    }

    /// <summary>Publishes a rubric of theme days (70) and committee meetings (30) only; returns its version key.</summary>
    public static async Task<string> PublishThemeDaysOnlyAsync(GatewayFixture fixture, string requestId)
    {
        var json = JsonNode.Parse((await fixture.Rubrics.GetRubricAsync(new GetRubricRequest(), Supervisor)).RubricJson)!;
        json["id"] = "theme-days";
        json["categories"] = new JsonArray(new JsonObject
        {
            ["id"] = "life",
            ["name"] = "组织生活",
            ["indicators"] = new JsonArray(
                new JsonObject { ["id"] = "theme-day", ["name"] = "主题党日", ["weight"] = 70, ["measure"] = "obligation-rate:theme-day", ["rule"] = "linearToTarget", ["target"] = 1, ["appliesTo"] = "both" },
                new JsonObject { ["id"] = "committee", ["name"] = "支委会", ["weight"] = 30, ["measure"] = "obligation-rate:branch-committee-meeting", ["rule"] = "threshold", ["target"] = 0.75, ["appliesTo"] = "both" }),
        });
        var published = await fixture.Rubrics.PublishRubricAsync(new PublishRubricRequest { RubricJson = json.ToJsonString(), RequestId = requestId }, Supervisor);
        return published.Rubric.VersionKey;
    }

    /// <summary>Waits until the rescoring of <paramref name="versionKey"/> completed with every branch done and none failed.</summary>
    public static async Task WaitForRescoringAsync(GatewayFixture fixture, string versionKey, int branches, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var status = (await fixture.Rubrics.GetRescoringStatusAsync(new GetRescoringStatusRequest(), Supervisor)).Status;
            if (status?.VersionKey == versionKey && status.State == RescoringState.Completed)
            {
                Assert.Equal(branches, status.Done);
                Assert.Equal(0, status.Failed);
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"rescoring {versionKey} did not complete: {status}");
            await Task.Delay(200);
        }
    }
}
