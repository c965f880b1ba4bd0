using System.Net;
using System.Text.RegularExpressions;
using BranchLedger.Api.V1;
using BranchLedger.Integration.Tests.Infrastructure;
using BranchLedger.Integration.Tests.Rankings;
using Grpc.Core;
using Npgsql;

namespace BranchLedger.Integration.Tests.Operations;

/// <summary>
/// The real gateway process as operators and strangers see it: its start-up line names every service,
/// metrics are served on their own listener and reveal nothing of the database, and a flood of bad calls
/// is counted in metrics instead of written to the log.
/// </summary>
public sealed partial class GatewayProcessTests : IAsyncLifetime
{
    private const string Tenant = "gw-process";
    private readonly int _metricsPort = Ports.Free();
    private readonly int _httpPort = Ports.Free();
    private LocalPlatform? _platform;
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        _connectionString = await TestPostgres.CreateDatabaseAsync("gateway-process");
        _platform = new LocalPlatform(_connectionString, gateway: new Dictionary<string, string>
        {
            ["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{_httpPort}",
            ["Kestrel__Endpoints__Metrics__Url"] = $"http://127.0.0.1:{_metricsPort}",
        });
        await _platform.StartAsync();
        await Nodes.EnsureAsync(_platform.Directory(), Tenant, "office-branch", members: 30);
    }

    public async Task DisposeAsync()
    {
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_start_up_line_names_every_service_of_the_API()
    {
        var line = await Poll.UntilAsync(
            () => Task.FromResult(_platform!.Gateway!.Output.Split('\n').FirstOrDefault(l => l.Contains("Serving gRPC services:", StringComparison.Ordinal))),
            l => l is not null);

        Assert.All(ApiSurface.Services, service => Assert.Contains(service.FullName, line!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Metrics_are_served_on_their_own_listener_only_and_name_no_database_detail()
    {
        await _platform!.Ledger().RecordMeetingAsync(Meetings.Request("office-branch", "gw-process-metrics"), GatewayHost.As(Tenant));
        await Assert.ThrowsAsync<RpcException>(() => _platform.Ledger().GetRecordAsync(new GetRecordRequest { NodeId = "office-branch", RecordId = "1" }).ResponseAsync);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_httpPort}") };
        using var metrics = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_metricsPort}") };

        // The public HTTP port has no /metrics, and the metrics port serves nothing but /metrics.
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/metrics")).StatusCode);
        foreach (var path in new[] { "/", "/healthz", "/dashboard/", "/v1/nodes", "/openapi/v1.json" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await metrics.GetAsync(path)).StatusCode);
        }

        // Npgsql's metrics are there (its pools have been used), without the connection strings that name them.
        var text = await Poll.UntilAsync(() => metrics.GetStringAsync("/metrics"), t => t.Contains("db_client_connection_count", StringComparison.Ordinal));
        Assert.Contains("branchledger_rpc_refused_total{", text, StringComparison.Ordinal); // the gateway's own instrument
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
        Assert.Contains("dotnet_gc_", text, StringComparison.Ordinal);
        Assert.Contains("orleans_", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Tenant, text, StringComparison.Ordinal);
        var database = new NpgsqlConnectionStringBuilder(_connectionString);
        foreach (var detail in new[] { "Host=", "Username=", "Database=", database.Database!, $"{database.Host}:{database.Port}", "pool_name" })
        {
            Assert.DoesNotContain(detail, text, StringComparison.OrdinalIgnoreCase);
        }

        // No answer names the server software either.
        using var ready = await http.GetAsync("/readyz");
        Assert.False(ready.Headers.Contains("Server"));
        Assert.DoesNotContain("silo", await ready.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_flood_of_bad_calls_is_counted_in_metrics_and_leaves_the_log_alone()
    {
        const int Calls = 200;
        var ledger = _platform!.Ledger();
        var before = _platform.Gateway!.Output.Length;
        for (var i = 0; i < Calls; i++)
        {
            var bad = Meetings.Request("office-branch", $"gw-process-bad-{i}");
            bad.Meeting.Topic = "";
            var refused = await Assert.ThrowsAsync<RpcException>(() => ledger.RecordMeetingAsync(bad, GatewayHost.As(Tenant)).ResponseAsync);
            Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
            var anonymous = await Assert.ThrowsAsync<RpcException>(() => ledger.GetRecordAsync(new GetRecordRequest { NodeId = "office-branch", RecordId = "1" }).ResponseAsync);
            Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
        }

        using var metrics = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_metricsPort}") };
        var text = await Poll.UntilAsync(() => metrics.GetStringAsync("/metrics"),
            t => Refused(t, "InvalidArgument", "RecordMeeting") >= Calls && Refused(t, "Unauthenticated", "GetRecord") >= Calls);
        Assert.Equal(Calls, Refused(text, "InvalidArgument", "RecordMeeting"));
        Assert.Equal(Calls, Refused(text, "Unauthenticated", "GetRecord"));

        // 400 refused calls: the gateway wrote nothing about them (it used to write a stack trace each).
        var written = _platform.Gateway.Output[before..];
        Assert.True(written.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length < 5, "the gateway logged client errors:\n" + written[..Math.Min(written.Length, 3000)]);
    }

    // branchledger_rpc_refused_total{rpc_grpc_status_code="…",rpc_method="/branchledger.v1.LedgerService/…",…} N
    private static long Refused(string metrics, string code, string method) => RefusedLine().Matches(metrics)
        .Where(m => m.Groups["labels"].Value.Contains($"rpc_grpc_status_code=\"{code}\"", StringComparison.Ordinal)
            && m.Groups["labels"].Value.Contains($"rpc_method=\"/branchledger.v1.LedgerService/{method}\"", StringComparison.Ordinal))
        .Sum(m => long.Parse(m.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^branchledger_rpc_refused_total\{(?<labels>[^}]*)\} (?<value>[0-9]+)", RegexOptions.Multiline)]
    private static partial Regex RefusedLine();
}
