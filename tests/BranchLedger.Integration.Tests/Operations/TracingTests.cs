using System.Diagnostics;
using BranchLedger.Integration.Tests.Infrastructure;

namespace BranchLedger.Integration.Tests.Operations;

/// <summary>One trace follows a write from the gRPC call through the grain call into PostgreSQL.</summary>
[Collection(OperationsCollection.Name)]
public sealed class TracingTests(ObservedPlatform platform)
{
    private const string RecordMeeting = "/branchledger.v1.LedgerService/RecordMeeting";

    [Fact]
    public async Task Recording_a_meeting_is_one_trace_from_the_gateway_through_the_grain_to_storage()
    {
        var tenant = "tenant-trace-" + Guid.NewGuid().ToString("N")[..6];
        await Nodes.EnsureAsync(platform.Directory, tenant, "office-branch", members: 30);
        var request = Meetings.Request("office-branch");

        // The exporters see every span of the test process (the sources are process-wide, and other
        // collections' hosts run alongside, refused writes among them): the call names its own trace
        // (a W3C traceparent the gateway continues), and only that trace is read.
        var traceId = ActivityTraceId.CreateRandom();
        var caller = GatewayHost.As(tenant);
        caller.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        await platform.Ledger.RecordMeetingAsync(request, caller);

        // The server span ends just after the response is sent: wait for it (bounded), never for a speed.
        var server = await EventuallyAsync(() => platform.Spans().FirstOrDefault(s =>
            s.TraceId == traceId && s.Kind == ActivityKind.Server && s.Source.Name == "Microsoft.AspNetCore" && Equals(s.GetTagItem("grpc.method"), RecordMeeting)
            && platform.Spans().Any(c => c.TraceId == s.TraceId && IsGrainCall(c, ActivityKind.Client))));
        var trace = platform.Spans().Where(s => s.TraceId == server.TraceId).ToList();

        var grainClient = Assert.Single(trace, s => IsGrainCall(s, ActivityKind.Client));
        var grainServer = Assert.Single(trace, s => IsGrainCall(s, ActivityKind.Server));
        Assert.Equal(server.SpanId, grainClient.ParentSpanId);
        Assert.Equal(grainClient.SpanId, grainServer.ParentSpanId);
        Assert.True(grainServer.HasRemoteParent, "the silo continued a context that came over the wire");

        var storage = trace.Where(s => s.Source.Name == "Npgsql" && Descends(s, grainServer, trace)).ToList();
        Assert.NotEmpty(storage);

        // Low cardinality: no attribute names the tenant or the node (grain keys are dropped).
        var leaks = trace.SelectMany(s => s.TagObjects.Select(t => (Span: s.DisplayName, t.Key, Value: t.Value?.ToString() ?? "")))
            .Where(t => t.Value.Contains(tenant, StringComparison.Ordinal) || t.Value.Contains("office-branch", StringComparison.Ordinal))
            .ToList();
        Assert.Empty(leaks);
    }

    private static bool IsGrainCall(Activity span, ActivityKind kind) =>
        span.Kind == kind && span.Source.Name == "Microsoft.Orleans.Application"
        && span.GetTagItem("rpc.method") is string method && method.Contains("LedgerGrain", StringComparison.Ordinal)
        && method.EndsWith("/Append", StringComparison.Ordinal);

    private static bool Descends(Activity span, Activity ancestor, IReadOnlyList<Activity> trace)
    {
        var bySpan = trace.ToDictionary(s => s.SpanId);
        for (var current = span; bySpan.TryGetValue(current.ParentSpanId, out var parent); current = parent)
        {
            if (parent.SpanId == ancestor.SpanId)
            {
                return true;
            }
        }

        return false;
    }

    internal static async Task<T> EventuallyAsync<T>(Func<T?> probe)
        where T : class
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (probe() is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new Xunit.Sdk.XunitException("The expected span was never exported.");
    }
}
