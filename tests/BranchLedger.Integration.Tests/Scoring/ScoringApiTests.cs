using System.Text.Json.Nodes;
using BranchLedger.Api.V1;
using BranchLedger.Integration.Tests.Infrastructure;
using Google.Rpc;
using Grpc.Core;

namespace BranchLedger.Integration.Tests.Scoring;

/// <summary>RubricService and LedgerService.GetScore over real gRPC against a real cluster on PostgreSQL.</summary>
public sealed class ScoringApiTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string Tenant = "tenant-scoring";
    private static readonly Metadata Caller = GatewayHost.As(Tenant, "party-office");

    private static readonly Metadata Supervisor = TestCredentials.Supervisor(Tenant);

    private static Google.Type.Date D(int y, int m, int d) => new() { Year = y, Month = m, Day = d };

    private static Func<Task> Call<T>(AsyncUnaryCall<T> call) => () => call.ResponseAsync;

    private static IEnumerable<string> Fields(RpcException e) =>
        e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field);

    // Twelve committee meetings, a general meeting per quarter, theme days in six months only, a lecture
    // by the secretary: a branch that did part of what 2025 asked.
    private async Task<string> BranchWith2025Records(string node)
    {
        await fixture.EnsureAsync(Tenant, node, members: 10);
        var rows = new List<ImportRow>();
        for (var month = 1; month <= 12; month++)
        {
            rows.Add(Row($"{node}-committee-{month}", MeetingKind.BranchCommitteeMeeting, D(2025, month, 5), 6));
            if (month % 2 == 0)
            {
                rows.Add(Row($"{node}-theme-{month}", MeetingKind.ThemeDay, D(2025, month, 15), 9));
            }

            if (month % 3 == 0)
            {
                rows.Add(Row($"{node}-general-{month}", MeetingKind.BranchGeneralMeeting, D(2025, month, 20), 9));
            }
        }

        var import = await fixture.Ledger.ImportRecordsAsync(new ImportRecordsRequest { NodeId = node, Rows = { rows } }, Caller);
        Assert.All(import.Results, r => Assert.NotEqual(ImportOutcome.Rejected, r.Outcome));
        return node;
    }

    private static ImportRow Row(string id, MeetingKind kind, Google.Type.Date date, int attendees) => new()
    {
        RequestId = id,
        Body = new RecordBody { Meeting = new Meeting { Kind = kind, Date = date, Topic = "会议", Attendees = attendees, ExpectedAttendees = 10 } },
    };

    [Fact]
    public async Task The_default_rubric_serves_as_version_1_and_exports_as_json()
    {
        // Another test of this class may publish a version 2; version 1 is always the platform's default.
        var serving = await fixture.Rubrics.GetRubricAsync(new GetRubricRequest { Version = 1 }, Supervisor);
        Assert.Equal(1, serving.Rubric.Version);
        Assert.Equal("platform", serving.Rubric.PublishedBy);
        Assert.Equal($"{serving.Rubric.RubricId}@1", serving.Rubric.VersionKey);
        var json = JsonNode.Parse(serving.RubricJson)!;
        Assert.Equal(1, (int)json["version"]!);
        Assert.Equal(100m, json["categories"]!.AsArray().SelectMany(c => c!["indicators"]!.AsArray()).Sum(i => (decimal)i!["weight"]!));

        var versions = await fixture.Rubrics.ListRubricVersionsAsync(new ListRubricVersionsRequest(), Supervisor);
        Assert.Contains(versions.Versions, v => v.Version == 1);
        var missing = await Assert.ThrowsAsync<RpcException>(Call(fixture.Rubrics.GetRubricAsync(new GetRubricRequest { Version = 999 }, Supervisor)));
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_score_explains_every_indicator_with_the_records_that_counted()
    {
        var node = await BranchWith2025Records("branch-scored");
        var score = await fixture.Ledger.GetScoreAsync(new GetScoreRequest { NodeId = node, Period = "2025", RubricVersion = 1 }, Caller);

        Assert.EndsWith("@1", score.RubricVersion);
        Assert.True(score.HasTotal);
        Assert.InRange(score.Total, 1, 99.99);
        Assert.NotEmpty(score.Grade);
        var theme = Assert.Single(score.Indicators, i => i.IndicatorId == "theme-day");
        Assert.Equal("SCORED", theme.Status);
        Assert.Equal(6, theme.Numerator);
        Assert.Equal(12, theme.Denominator);
        Assert.Equal(6, theme.RecordIds.Count);
        Assert.Equal(6, theme.Misses.Count);
        Assert.Equal(theme.MaxPoints / 2, theme.Points, 2);
        Assert.All(score.Indicators.Where(i => i.Status != "SCORED"), i => Assert.Equal(0, i.Points));

        var bad = await Assert.ThrowsAsync<RpcException>(Call(fixture.Ledger.GetScoreAsync(new GetScoreRequest { NodeId = "Bad", Period = "2025-13", RubricVersion = -1 }, Caller)));
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
        Assert.Equal(["node_id", "period", "rubric_version"], Fields(bad).Order());
    }

    [Fact]
    public async Task Publishing_a_rubric_rescores_in_the_background_and_then_serves_it()
    {
        var node = await BranchWith2025Records("branch-rescored");
        var before = await fixture.Ledger.GetScoreAsync(new GetScoreRequest { NodeId = node, Period = "2025" }, Caller);

        // Only theme days count in the new version: the branch held half of them.
        var json = JsonNode.Parse((await fixture.Rubrics.GetRubricAsync(new GetRubricRequest(), Supervisor)).RubricJson)!;
        json["id"] = "theme-days-only";
        json["categories"] = new JsonArray(new JsonObject
        {
            ["id"] = "life",
            ["name"] = "组织生活",
            ["indicators"] = new JsonArray(new JsonObject
            {
                ["id"] = "theme-day", ["name"] = "主题党日", ["weight"] = 100, ["measure"] = "obligation-rate:theme-day",
                ["rule"] = "linearToTarget", ["target"] = 1, ["appliesTo"] = "both",
            }),
        });
        var published = await fixture.Rubrics.PublishRubricAsync(new PublishRubricRequest { RubricJson = json.ToJsonString(), RequestId = "publish-2" }, Supervisor);
        Assert.Equal(2, published.Rubric.Version);
        Assert.Equal("theme-days-only@2", published.Rubric.VersionKey);

        var again = await fixture.Rubrics.PublishRubricAsync(new PublishRubricRequest { RubricJson = json.ToJsonString(), RequestId = "publish-2" }, Supervisor);
        Assert.True(again.Replayed);

        var status = await WaitForCompletedAsync("theme-days-only@2");
        Assert.True(status.Done >= 1);
        Assert.Equal(0, status.Failed);
        Assert.Equal(2, (await fixture.Rubrics.GetRubricAsync(new GetRubricRequest(), Supervisor)).Rubric.Version);

        var after = await fixture.Ledger.GetScoreAsync(new GetScoreRequest { NodeId = node, Period = "2025" }, Caller);
        Assert.Equal("theme-days-only@2", after.RubricVersion);
        Assert.Equal(50, after.Total, 2);
        var old = await fixture.Ledger.GetScoreAsync(new GetScoreRequest { NodeId = node, Period = "2025", RubricVersion = 1 }, Caller);
        Assert.Equal(before.Total, old.Total, 2);
    }

    [Fact]
    public async Task A_malformed_or_invalid_rubric_is_refused_with_field_violations_and_publishes_nothing()
    {
        var before = (await fixture.Rubrics.ListRubricVersionsAsync(new ListRubricVersionsRequest(), Supervisor)).Versions.Count;
        var malformed = await Assert.ThrowsAsync<RpcException>(Call(fixture.Rubrics.PublishRubricAsync(
            new PublishRubricRequest { RubricJson = "{ \"id\": ", RequestId = "bad-1" }, Supervisor)));
        var json = JsonNode.Parse((await fixture.Rubrics.GetRubricAsync(new GetRubricRequest(), Supervisor)).RubricJson)!;
        json["categories"]![0]!["indicators"]![0]!["weight"] = 1;
        var weights = await Assert.ThrowsAsync<RpcException>(Call(fixture.Rubrics.PublishRubricAsync(
            new PublishRubricRequest { RubricJson = json.ToJsonString(), RequestId = "" }, Supervisor)));

        Assert.Equal(StatusCode.InvalidArgument, malformed.StatusCode);
        Assert.All(Fields(malformed), f => Assert.StartsWith("rubric_json", f, StringComparison.Ordinal));
        Assert.Equal(StatusCode.InvalidArgument, weights.StatusCode);
        Assert.Contains("request_id", Fields(weights));
        Assert.Contains(Fields(weights), f => f.StartsWith("rubric_json", StringComparison.Ordinal));
        Assert.Equal(before, (await fixture.Rubrics.ListRubricVersionsAsync(new ListRubricVersionsRequest(), Supervisor)).Versions.Count);
    }

    [Fact]
    public async Task A_branch_is_ranked_after_its_writes_and_leaves_the_rankings_when_its_node_closes()
    {
        var node = await BranchWith2025Records("branch-closing");
        await WaitUntilAsync(async () => (await RankedNodesAsync()).Contains(node), "the branch was never ranked");

        await fixture.Directory.CloseNodeAsync(new CloseNodeRequest { RequestId = "close-branch-closing", NodeId = node, Reason = "机构改革撤并" }, Caller);

        await WaitUntilAsync(async () => !(await RankedNodesAsync()).Contains(node), "the closed branch is still ranked");
    }

    [Fact]
    public async Task A_branch_is_not_ranked_for_a_period_that_ended_before_it_came_into_force()
    {
        // Created without a roster (no known start: ranked in last year's periods too), then its first
        // roster says it exists from 1 January this year, and it records a meeting this year.
        const string node = "branch-new-this-year";
        await fixture.EnsureAsync(Tenant, node);
        await WaitUntilAsync(async () => (await RankedNodesAsync("2025")).Contains(node), "the branch without a roster was never ranked");
        await fixture.Directory.SetRosterAsync(new SetRosterRequest
        {
            RequestId = $"roster-{node}", NodeId = node, EffectiveFrom = D(2026, 1, 1), CommitteeMembers = 5, Members = 10, VotingMembers = 10,
        }, Caller);
        await fixture.Ledger.ImportRecordsAsync(new ImportRecordsRequest
        {
            NodeId = node, Rows = { Row($"{node}-committee", MeetingKind.BranchCommitteeMeeting, D(2026, 3, 5), 5) },
        }, Caller);

        await WaitUntilAsync(async () => !(await RankedNodesAsync("2025")).Contains(node), "the branch is still ranked for a year before it existed");
        Assert.Contains(node, await RankedNodesAsync("2026"));
        Assert.Contains(node, await RankedNodesAsync("2026-03"));
        Assert.DoesNotContain(node, await RankedNodesAsync("2025-12"));
    }

    private async Task<HashSet<string>> RankedNodesAsync(string period = "2025")
    {
        var page = await fixture.Ranking.ListTopBranchesAsync(
            new ListTopBranchesRequest { Scope = RankingScope.Tenant, Period = period, PageSize = 500 }, Caller);
        return [.. page.Branches.Select(b => b.NodeId)];
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string failure)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(100);
        }
    }

    private async Task<Api.V1.RescoringStatus> WaitForCompletedAsync(string versionKey)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var status = (await fixture.Rubrics.GetRescoringStatusAsync(new GetRescoringStatusRequest(), Supervisor)).Status;
            if (status?.VersionKey == versionKey && status.State == RescoringState.Completed)
            {
                return status;
            }

            Assert.True(DateTime.UtcNow < deadline, $"rescoring with {versionKey} did not complete: {status}");
            await Task.Delay(100);
        }
    }
}
