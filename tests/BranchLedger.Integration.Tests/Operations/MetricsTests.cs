using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using BranchLedger.Contracts.Telemetry;
using BranchLedger.Integration.Tests.Infrastructure;

namespace BranchLedger.Integration.Tests.Operations;

/// <summary>
/// The domain meter counts writes by record family only. What the Prometheus scrape serves is tested on
/// the real process (<see cref="GatewayProcessTests"/>): the gateway serves it on its own listener only.
/// </summary>
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
}
