using System.Collections.Concurrent;
using BranchLedger.Api.V1;
using BranchLedger.CityData;
using BranchLedger.Integration.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Health.V1;

namespace BranchLedger.Bench.City;

/// <summary>The calls the benchmark makes through the gateway, with local tokens the benchmark's gateway trusts (<see cref="TestCredentials"/>).</summary>
internal sealed class CityCalls(CityPlatform platform, int year)
{
    public const string User = "bench";

    /// <summary>A service name the gateway's health service does not map: answered NOT_FOUND without running a check.</summary>
    public const string UnknownHealthService = "branchledger.bench.Nothing";

    private readonly LedgerService.LedgerServiceClient _ledger = platform.Ledger;
    private readonly RankingService.RankingServiceClient _rankings = platform.Rankings;
    private readonly Health.HealthClient _health = platform.Health;

    public string Period { get; } = year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // One token per person and tenant for the run (they last an hour), as a real client holds its
    // token: minting and signing one per call made the load generator pay for work no client does.
    private static readonly ConcurrentDictionary<(string Tenant, string User), Metadata> Tokens = new();

    /// <summary>A tenant's admin (and platform admin, to register it): loads and writes.</summary>
    public static Metadata As(string tenant) => Tokens.GetOrAdd((tenant, User), k => TestCredentials.TenantAdmin(k.Tenant, k.User));

    /// <summary>The demo's second admin in a tenant: closes the findings another person raised.</summary>
    public static Metadata Verifier(string tenant) => Tokens.GetOrAdd((tenant, DemoCityLoader.VerifierUser), k => TestCredentials.TenantAdmin(k.Tenant, k.User));

    /// <summary>A city supervisor: city rankings and rebuilds.</summary>
    public static Metadata Supervisor { get; } = TestCredentials.Supervisor(user: User);

    /// <summary>The city's top 50 of the year; checks the page is whole.</summary>
    public async Task<ListTopBranchesResponse> TopAsync(int pageSize = 50)
    {
        var page = await _rankings.ListTopBranchesAsync(
            new ListTopBranchesRequest { Scope = RankingScope.City, Period = Period, PageSize = pageSize }, Supervisor);
        if (page.Branches.Count != Math.Min(pageSize, page.RankedCount))
        {
            throw new InvalidOperationException($"A top-{pageSize} read returned {page.Branches.Count} rows of {page.RankedCount} ranked.");
        }

        return page;
    }

    public async Task<GetBranchRankResponse> RankAsync(string tenant, string node) =>
        await _rankings.GetBranchRankAsync(new GetBranchRankRequest { NodeId = node, Period = Period }, As(tenant));

    /// <summary>One durable single-record write: a meeting of the given kind on the given day.</summary>
    public async Task<RecordMeetingResponse> MeetingAsync(string tenant, string node, string requestId, MeetingKind kind, DateOnly day, int attendees, int expected)
    {
        var response = await _ledger.RecordMeetingAsync(new RecordMeetingRequest
        {
            NodeId = node, RequestId = requestId,
            Meeting = new Meeting
            {
                Kind = kind, Date = new Google.Type.Date { Year = day.Year, Month = day.Month, Day = day.Day },
                Topic = "学习贯彻党的二十届三中全会精神专题座谈会", Attendees = attendees, ExpectedAttendees = expected,
            },
        }, As(tenant));
        return response.Replayed ? throw new InvalidOperationException($"Write {requestId} was a replay.") : response;
    }

    /// <summary>The empty call: the gateway's gRPC health service asked about a service it does not map.</summary>
    public async Task EmptyAsync()
    {
        try
        {
            await _health.CheckAsync(new HealthCheckRequest { Service = UnknownHealthService });
            throw new InvalidOperationException("The health service answered for an unknown service name.");
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
        }
    }

    /// <summary>Waits until the city ranking of the year holds <paramref name="branches"/> branches; returns the seconds waited.</summary>
    public async Task<double> WaitRankedAsync(int branches, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if ((await TopAsync(1)).RankedCount >= branches)
                {
                    return clock.Elapsed.TotalSeconds;
                }
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.NotFound or StatusCode.Unavailable)
            {
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"The {Period} city ranking did not reach {branches:N0} branches within {timeout}.");
            }

            await Task.Delay(250);
        }
    }
}
