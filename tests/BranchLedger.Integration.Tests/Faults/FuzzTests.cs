using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using BranchLedger.Integration.Tests.Infrastructure;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Xunit.Abstractions;

namespace BranchLedger.Integration.Tests.Faults;

/// <summary>
/// The gateway with its request budgets out of the way: the fuzzer's thousands of calls from one
/// credential must reach validation, not the limiter (which <c>LimitsTests</c> cover), and the check
/// write after each service's flood must not be refused for the flood's spending.
/// </summary>
public sealed class FuzzGatewayFixture : GatewayFixture
{
    protected override IReadOnlyDictionary<string, string> GatewaySettings { get; } = new Dictionary<string, string>
    {
        ["Limits:TenantRequestsPerSecond"] = "1000000",
        ["Limits:TenantBurst"] = "1000000",
        ["Limits:ClientRequestsPerSecond"] = "1000000",
        ["Limits:ClientBurst"] = "1000000",
    };
}

/// <summary>
/// Generated invalid and random requests against every RPC of every API service, through the real
/// gateway host and silo: none may crash the host, answer INTERNAL or UNKNOWN, or leave a write behind.
/// </summary>
public sealed class FuzzTests(FuzzGatewayFixture gateway, ITestOutputHelper output) : IClassFixture<FuzzGatewayFixture>
{
    /// <summary>Cases per service (default 300; the long mode runs 10,000 or more).</summary>
    public const string CasesVariable = "BRANCHLEDGER_FUZZ_CASES";

    /// <summary>The seed of the generator (default fixed, so a failure replays).</summary>
    public const string SeedVariable = "BRANCHLEDGER_FUZZ_SEED";

    private const string Tenant = "fuzz-tenant";
    private const string Branch = "fuzz-branch";
    private static readonly StatusCode[] Refused = [StatusCode.Internal, StatusCode.Unknown, StatusCode.DataLoss, StatusCode.Unimplemented];
    private static readonly Marshaller<byte[]> RawBytes = Marshallers.Create(b => b, b => b);

    public static TheoryData<string> Services => new(ApiSurface.Services.Select(s => s.FullName));

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Random_and_malformed_requests_to_every_RPC_are_refused_cleanly_and_write_nothing(string serviceName)
    {
        var service = ApiSurface.Services.Single(s => s.FullName == serviceName);
        await gateway.EnsureAsync(Tenant, Branch, members: 30);
        var cases = EnvInt(CasesVariable, 300);
        var seed = EnvInt(SeedVariable, 8_2026);
        // Directory calls get random nodes only: a fuzzed CloseNode must not close the watched branch.
        var fuzzer = new ProtoFuzzer(new Random(seed ^ serviceName.Length), service.Name == "LedgerService" ? Branch : null);
        var statuses = new ConcurrentDictionary<string, int>();
        var failures = new ConcurrentQueue<string>();
        var rejectedIds = new ConcurrentBag<string>();
        var acceptedIds = new ConcurrentBag<string>();

        await Parallel.ForEachAsync(Enumerable.Range(0, cases), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
        {
            var method = service.Methods[i % service.Methods.Count];
            (byte[] Bytes, string Mode) body;
            lock (fuzzer)
            {
                body = fuzzer.Next(method.InputType);
            }

            var code = await CallAsync(method, body.Bytes, i % 25 == 0 ? new Metadata() : GatewayHost.As(Tenant));
            statuses.AddOrUpdate(code.ToString(), 1, (_, n) => n + 1);
            var ids = ProtoFuzzer.RequestIds(method.InputType, body.Bytes);
            foreach (var id in ids)
            {
                (code == StatusCode.OK ? acceptedIds : rejectedIds).Add(id);
            }

            if (Refused.Contains(code))
            {
                failures.Enqueue($"case {i} {method.Name} ({body.Mode}, {body.Bytes.Length} bytes): {code}");
            }
        });

        output.WriteLine($"{service.FullName}: {cases} cases over {service.Methods.Count} RPCs (seed {seed}); statuses: "
            + string.Join(", ", statuses.OrderByDescending(s => s.Value).Select(s => $"{s.Key} {s.Value}")));
        Assert.True(failures.IsEmpty, $"{failures.Count} cases answered {string.Join('/', Refused)}:\n" + string.Join('\n', failures.Take(20)));

        // Still healthy and serving, and no refused request left a record in the watched ledger.
        using var live = await gateway.Http().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        await gateway.Ledger.RecordMeetingAsync(Meetings.Request(Branch, $"after-fuzz-{service.Name}", day: 9), GatewayHost.As(Tenant));
        var stored = (await LedgerReads.AllAsync(gateway.Ledger, Branch, GatewayHost.As(Tenant))).Select(r => r.RequestId).ToHashSet();
        var leaked = rejectedIds.Except(acceptedIds).Where(stored.Contains).ToList();
        output.WriteLine($"refused requests carrying request ids: {rejectedIds.Count}; ledger entries of {Branch}: {stored.Count}");
        Assert.Empty(leaked);
    }

    [Fact]
    public async Task A_body_that_is_not_protobuf_is_INVALID_ARGUMENT_and_not_a_server_fault()
    {
        var method = ApiSurface.Services.Single(s => s.Name == "LedgerService").FindMethodByName("RecordMeeting");
        var raw = new Method<byte[], byte[]>(MethodType.Unary, method.Service.FullName, method.Name, RawBytes, RawBytes);

        // Field 1 (node_id) promising 2 GiB that never come.
        var error = await Assert.ThrowsAsync<RpcException>(() => gateway.Calls.AsyncUnaryCall(
            raw, null, new CallOptions(GatewayHost.As(Tenant)), [0x0A, 0xFF, 0xFF, 0xFF, 0xFF, 0x07, 0x61]).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("RecordMeetingRequest", error.Status.Detail, StringComparison.Ordinal);
    }

    private async Task<StatusCode> CallAsync(MethodDescriptor method, byte[] body, Metadata caller)
    {
        var type = method.IsServerStreaming ? MethodType.ServerStreaming : MethodType.Unary;
        var raw = new Method<byte[], byte[]>(type, method.Service.FullName, method.Name, RawBytes, RawBytes);
        try
        {
            if (method.IsServerStreaming)
            {
                // A valid watch stays open: a short deadline ends it (DEADLINE_EXCEEDED is its normal end here).
                using var stream = gateway.Calls.AsyncServerStreamingCall(raw, null, new CallOptions(caller, DateTime.UtcNow.AddMilliseconds(400)), body);
                while (await stream.ResponseStream.MoveNext(CancellationToken.None))
                {
                }
            }
            else
            {
                await gateway.Calls.AsyncUnaryCall(raw, null, new CallOptions(caller, DateTime.UtcNow.AddSeconds(60)), body);
            }

            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            if (Refused.Contains(ex.StatusCode))
            {
                output.WriteLine($"{method.FullName}: {ex.StatusCode} {ex.Status.Detail}");
            }

            return ex.StatusCode;
        }
    }

    private static int EnvInt(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
}
