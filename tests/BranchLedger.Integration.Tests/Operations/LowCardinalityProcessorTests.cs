using System.Diagnostics;
using BranchLedger.Hosting;

namespace BranchLedger.Integration.Tests.Operations;

/// <summary>Spans lose every attribute that carries a grain key or id before any exporter sees them.</summary>
public sealed class LowCardinalityProcessorTests
{
    [Fact]
    public void Grain_ids_and_paths_with_ids_are_dropped_and_the_route_stays()
    {
        using var span = new Activity("GET /v1/nodes/{node_id}/records");
        span.SetTag("orleans.rpc.target_id", "ledger/tenant-a/office-branch");
        span.SetTag("orleans.grain.id", "ledger/tenant-a/office-branch");
        span.SetTag("url.path", "/v1/nodes/office-branch/records");
        span.SetTag("url.query", "?pageToken=abc");
        span.SetTag("http.route", "/v1/nodes/{node_id}/records");
        span.SetTag("rpc.method", "ILedgerGrain/ListRecords");

        new LowCardinalityProcessor().OnEnd(span);

        Assert.Equal(
            new Dictionary<string, object?>
            {
                ["url.path"] = "/v1/nodes/{node_id}/records",
                ["http.route"] = "/v1/nodes/{node_id}/records",
                ["rpc.method"] = "ILedgerGrain/ListRecords",
            },
            span.TagObjects.ToDictionary(t => t.Key, t => t.Value));
    }
}
