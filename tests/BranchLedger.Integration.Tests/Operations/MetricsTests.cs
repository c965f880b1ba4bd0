using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using BranchLedger.Contracts.Telemetry;
using BranchLedger.Integration.Tests.Infrastructure;

namespace BranchLedger.Integration.Tests.Operations;

/// <summary>The domain meter counts writes by record family only, and /metrics serves it for Prometheus.</summary>
[Collection(OperationsCollection.Name)]
public sealed class MetricsTests(ObservedPlatform platform)
{
    [Fact]
    public async Task A_durable_write_counts_one_record_tagged_with_its_family_and_nothing_else()
    {
        var tenant = "tenant-metrics-" + Guid.NewGuid().ToString("N")[..6];
        await Nodes.EnsureAsync(platform.Directory, tenant, "office-branch", members: 30);
        var seen = new ConcurrentBag<(long Value, KeyValuePair<string, object?>[] Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == BranchLedgerMetrics.MeterName && instrument.Name == "branchledger.records.written")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) => seen.Add((value, tags.ToArray())));
        listener.Start();

        var request = Meetings.Request("office-branch");
        await platform.Ledger.RecordMeetingAsync(request, GatewayHost.As(tenant));
        await platform.Ledger.RecordMeetingAsync(request, GatewayHost.As(tenant)); // a replay writes nothing

        // Other tests write in parallel: every measurement must have the one low-cardinality tag.
        Assert.NotEmpty(seen);
        Assert.All(seen, m => Assert.Equal([BranchLedgerMetrics.RecordFamilyTag], m.Tags.Select(t => t.Key)));
        Assert.Contains(seen, m => Equals(m.Tags[0].Value, "meeting"));
    }

    [Fact]
    public async Task The_Prometheus_endpoint_serves_runtime_http_Orleans_and_domain_metrics()
    {
        var tenant = "tenant-prom-" + Guid.NewGuid().ToString("N")[..6];
        await Nodes.EnsureAsync(platform.Directory, tenant, "office-branch", members: 30);
        await platform.Ledger.RecordMeetingAsync(Meetings.Request("office-branch"), GatewayHost.As(tenant));
        using var http = platform.Gateway.CreateClient();

        // Prometheus' exporter caches a scrape briefly; the counters are there from the first one on.
        var text = await http.GetStringAsync("/metrics");

        Assert.Contains("branchledger_records_written_total{", text, StringComparison.Ordinal);
        Assert.Contains("record_family=\"meeting\"", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
        Assert.Contains("dotnet_gc_", text, StringComparison.Ordinal);
        Assert.Contains("orleans_", text, StringComparison.Ordinal);
        Assert.DoesNotContain(tenant, text, StringComparison.Ordinal);
    }
}
