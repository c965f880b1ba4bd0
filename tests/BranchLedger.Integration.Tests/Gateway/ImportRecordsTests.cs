using BranchLedger.Api.V1;
using BranchLedger.Integration.Tests.Infrastructure;
using Google.Rpc;
using Grpc.Core;

namespace BranchLedger.Integration.Tests.Gateway;

/// <summary>Bulk import over real gRPC: per-row answers, one durable write, resumable by request id.</summary>
public sealed class ImportRecordsTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static readonly Metadata Caller = GatewayHost.As("tenant-import", "oa-sync");
    private readonly LedgerService.LedgerServiceClient _ledger = fixture.Ledger;

    private static ImportRow Row(string requestId, int day, string topic = "支委会")
    {
        var meeting = Meetings.Request(requestId: requestId, day: day).Meeting;
        meeting.Topic = topic;
        return new ImportRow { RequestId = requestId, Body = new RecordBody { Meeting = meeting } };
    }

    [Fact]
    public async Task Rows_are_answered_one_by_one_and_a_resent_batch_records_nothing_twice()
    {
        await fixture.EnsureAsync("tenant-import", "branch-import");
        var request = new ImportRecordsRequest
        {
            NodeId = "branch-import",
            Rows =
            {
                Row("imp-1", 1),
                Row("imp-2", 2),
                Row("imp-3", 3, topic: ""),
                Row("imp-1", 1),
                Row("imp-2", 9, topic: "另一个会议"),
                new ImportRow { RequestId = "imp-4", Body = new RecordBody { Talk = new Talk { Kind = TalkKind.Group, Date = new Google.Type.Date { Year = 2026, Month = 3, Day = 4 }, Topic = "集体谈话", People = 20 } } },
            },
        };

        var first = await _ledger.ImportRecordsAsync(request, Caller);
        var again = await _ledger.ImportRecordsAsync(request, Caller);

        Assert.Equal(
            [ImportOutcome.Accepted, ImportOutcome.Accepted, ImportOutcome.Rejected, ImportOutcome.Duplicate, ImportOutcome.Rejected, ImportOutcome.Accepted],
            first.Results.Select(r => r.Outcome));
        Assert.Equal([0, 1, 2, 3, 4, 5], first.Results.Select(r => r.Index));
        Assert.Equal((3, 1, 2), (first.Accepted, first.Duplicates, first.Rejected));
        Assert.Equal("meeting.topic", first.Results[2].Violations.Single().Field);
        Assert.Equal("request_id", first.Results[4].Violations.Single().Field);
        Assert.Equal(first.Results[0].RecordId, first.Results[3].RecordId);

        Assert.Equal((0, 4, 2), (again.Accepted, again.Duplicates, again.Rejected));
        var listed = await _ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = "branch-import" }, Caller);
        Assert.Equal(["imp-1", "imp-2", "imp-4"], listed.Records.Select(r => r.RequestId));
    }

    [Fact]
    public async Task A_row_without_a_body_is_rejected_naming_the_body_and_every_violation_names_its_field()
    {
        await fixture.EnsureAsync("tenant-import", "branch-import-shapes");
        var request = new ImportRecordsRequest
        {
            NodeId = "branch-import-shapes",
            Rows =
            {
                new ImportRow { RequestId = "shape-1" },
                new ImportRow { RequestId = "shape-2", Body = new RecordBody() },
                new ImportRow { RequestId = "shape-3", Body = new RecordBody { Meeting = new Meeting() } },
                new ImportRow { Body = new RecordBody { Talk = new Talk() }, Evidence = { new Evidence { Uri = "not a uri" } } },
                Row("shape-5", 5),
            },
        };

        var answer = await _ledger.ImportRecordsAsync(request, Caller);

        Assert.Equal(
            [ImportOutcome.Rejected, ImportOutcome.Rejected, ImportOutcome.Rejected, ImportOutcome.Rejected, ImportOutcome.Accepted],
            answer.Results.Select(r => r.Outcome));
        Assert.Equal("body", answer.Results[0].Violations.Single().Field);
        Assert.Equal("body", answer.Results[1].Violations.Single().Field);
        Assert.All(answer.Results.SelectMany(r => r.Violations), v => Assert.False(string.IsNullOrWhiteSpace(v.Field), $"no field for '{v.Description}'"));
        Assert.Contains(answer.Results[2].Violations, v => v.Field.StartsWith("meeting.", StringComparison.Ordinal));
        Assert.Contains(answer.Results[3].Violations, v => v.Field == "request_id");
    }

    [Fact]
    public async Task Empty_or_oversized_batches_are_invalid()
    {
        await fixture.EnsureAsync("tenant-import", "branch-import-big");
        var oversized = new ImportRecordsRequest { NodeId = "branch-import-big" };
        oversized.Rows.AddRange(Enumerable.Range(0, 1001).Select(i => Row($"big-{i}", 1)));

        foreach (var request in new[] { new ImportRecordsRequest { NodeId = "branch-import-big" }, oversized })
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => _ledger.ImportRecordsAsync(request, Caller).ResponseAsync);
            Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
            Assert.Equal("rows", error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
        }

        var listed = await _ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = "branch-import-big" }, Caller);
        Assert.Empty(listed.Records);
    }

    [Fact]
    public async Task A_full_batch_of_a_thousand_rows_is_one_call()
    {
        await fixture.EnsureAsync("tenant-import", "branch-import-full");
        var request = new ImportRecordsRequest { NodeId = "branch-import-full" };
        request.Rows.AddRange(Enumerable.Range(0, 1000).Select(i => Row($"full-{i}", 1 + (i % 28))));

        var response = await _ledger.ImportRecordsAsync(request, Caller);

        Assert.Equal(1000, response.Accepted);
        var page = await _ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = "branch-import-full", PageSize = 500 }, Caller);
        Assert.Equal(500, page.Records.Count);
        Assert.NotEqual("", page.NextPageToken);
    }
}
