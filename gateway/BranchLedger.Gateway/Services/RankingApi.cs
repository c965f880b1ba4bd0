using BranchLedger.Api.V1;
using BranchLedger.Contracts;
using BranchLedger.Contracts.Directory;
using BranchLedger.Contracts.Errors;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Contracts.Rankings;
using BranchLedger.Domain.Access;
using BranchLedger.Domain.Rankings;
using BranchLedger.Domain.Validation;
using Grpc.Core;
using static BranchLedger.Gateway.Services.RankingMapping;
using BranchLedger.Gateway.Security;

namespace BranchLedger.Gateway.Services;

/// <summary>
/// RankingService: validates every request completely, then reads ranking shards only (never a
/// ledger). The caller's tenant scopes tenant views and single-branch reads; city-wide views are open
/// to every authenticated caller until roles arrive with the tenancy issue.
/// </summary>
internal sealed partial class RankingApi(IGrainFactory grains, ICallerResolver callers, RankingRuntime runtime)
    : RankingService.RankingServiceBase
{
    private readonly RankingRuntime _runtime = runtime;

    private RankingReader Reader => _runtime.Reader;

    // Any role; the handler decides from the request (scope, tenant, the grant handed out).
    [RequiresPermission(Permission.None)]
    public override async Task<ListTopBranchesResponse> ListTopBranches(ListTopBranchesRequest r, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var violations = new Violations();
        RankingRequests.Period(violations, "period", r.Period);
        var tenant = ScopeTenant(caller, violations, r.Scope);
        var indicator = RankingRequests.Indicator(violations, "indicator_id", r.IndicatorId);
        var name = RankingRequests.NameContains(violations, "name_contains", r.NameContains);
        var pageSize = Paging.PageSize(violations, r.PageSize);
        var listing = string.Join('|', "top", tenant ?? "city", r.Period, indicator ?? "", name ?? "");
        if (!RankingPageToken.TryDecode(listing, r.PageToken, out var after))
        {
            violations.Add("page_token", "is not a token from a previous page of this listing");
        }

        CommandChecks.ThrowIfInvalid(violations);
        var response = new ListTopBranchesResponse();
        if (await Reader.ServingLayoutAsync() is not { } layout)
        {
            return response;
        }

        var top = await Reader.TopAsync(layout, new RankingView(r.Period, tenant, indicator, name), after, pageSize);
        var now = _runtime.Clock.GetUtcNow();
        if (_runtime.TopAnswers.TryGetValue(top, out var built)
            && built.Listing == listing && built.RubricVersion == layout.RubricVersion && now - built.BuiltAt < TenantNames.Freshness)
        {
            return built.Response;
        }

        response.Branches.AddRange(top.Rows.Select(row => ToMessage(row.Row, row.Rank)));
        await _runtime.Names.FillAsync(response.Branches, b => b.TenantId, (b, name) => b.TenantName = name);
        response.RankedCount = top.RankedCount;
        response.RubricVersion = layout.RubricVersion;
        if (top.HasMore)
        {
            response.NextPageToken = RankingPageToken.Encode(listing, RankingCursor.Of(top.Rows[^1].Row.Position));
        }

        _runtime.TopAnswers.AddOrUpdate(top, new BuiltTop(listing, layout.RubricVersion, now, response));
        return response;
    }

    [RequiresPermission(Permission.TenantRead)]
    public override async Task<GetBranchRankResponse> GetBranchRank(GetBranchRankRequest r, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var violations = new Violations().Slug("node_id", r.NodeId);
        RankingRequests.Period(violations, "period", r.Period);
        CommandChecks.ThrowIfInvalid(violations);

        var layout = await Reader.ServingLayoutAsync();
        var located = layout is null ? null : await Reader.LocateAsync(layout, r.Period, caller.Tenant, r.NodeId);
        if (located is not { } branch)
        {
            throw new NotFoundException("branchledger.v1.RankedBranch", r.NodeId,
                $"Branch '{r.NodeId}' has no score for {r.Period} in this tenant's rankings.");
        }

        var (score, city, tenant) = branch;
        var response = new GetBranchRankResponse
        {
            TenantId = score.Tenant,
            NodeId = score.NodeId,
            DisplayName = score.DisplayName,
            ParentId = score.ParentId,
            Period = score.Period,
            RubricVersion = score.RubricVersion,
            Total = score.Total,
            Grade = score.Grade,
            City = ToMessage(city),
            Tenant = ToMessage(tenant),
            ComputedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(score.ComputedAt),
        };
        response.Indicators.AddRange(score.Indicators.Select(ToMessage));
        return response;
    }

    // Any role; the handler decides from the request (scope, tenant, the grant handed out).
    [RequiresPermission(Permission.None)]
    public override async Task<CompareBranchesResponse> CompareBranches(CompareBranchesRequest r, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var violations = new Violations();
        RankingRequests.Period(violations, "period", r.Period);
        if (r.Branches.Count is 0 or > RankingRequests.MaxCompared)
        {
            violations.Add("branches", $"must name 1 to {RankingRequests.MaxCompared} branches (got {r.Branches.Count})");
        }

        var refs = new List<(string Tenant, string Node)>();
        for (var i = 0; i < r.Branches.Count; i++)
        {
            var branch = r.Branches[i];
            var tenant = branch.TenantId.Length == 0 ? caller.Tenant : branch.TenantId;
            if (branch.TenantId.Length > 0)
            {
                violations.Slug($"branches[{i}].tenant_id", branch.TenantId);
            }

            violations.Slug($"branches[{i}].node_id", branch.NodeId);
            var earlier = refs.IndexOf((tenant, branch.NodeId));
            if (earlier >= 0)
            {
                violations.Add($"branches[{i}]", $"names the same branch as branches[{earlier}]");
            }

            refs.Add((tenant, branch.NodeId));
        }

        CommandChecks.ThrowIfInvalid(violations);
        foreach (var tenant in refs.Select(b => b.Tenant).Distinct(StringComparer.Ordinal))
        {
            // Comparing across tenants is a city-level view; within one's own tenant it is a read of the
            // branches compared (node-scoped grants compare only their own branches).
            if (tenant == caller.ActingTenant)
            {
                caller.Demand(Permission.TenantRead, tenant, [.. refs.Where(b => b.Tenant == tenant).Select(b => b.Node)]);
            }
            else
            {
                caller.Demand(Permission.CityRead, null);
            }
        }

        var response = new CompareBranchesResponse { Period = r.Period };
        var layout = await Reader.ServingLayoutAsync();
        var locations = layout is null
            ? new ShardLocation?[refs.Count]
            : await Task.WhenAll(refs.Select(b => Reader.LocateInTenantAsync(layout, r.Period, b.Tenant, b.Node)));
        var found = locations.OfType<ShardLocation>().ToList();
        var standings = layout is null || found.Count == 0
            ? []
            : await Reader.CityStandingsAsync(layout, r.Period, null, [.. found.Select(l => l.Probe)]);

        response.RubricVersion = layout?.RubricVersion ?? "";
        for (var i = 0; i < refs.Count; i++)
        {
            var column = new ComparedBranch { TenantId = refs[i].Tenant, NodeId = refs[i].Node };
            if (locations[i] is { } location)
            {
                column.Ranked = true;
                column.DisplayName = location.Score.DisplayName;
                column.Total = location.Score.Total;
                column.Grade = location.Score.Grade;
                column.City = ToMessage(standings[found.IndexOf(location)]);
            }

            response.Branches.Add(column);
        }

        response.Indicators.AddRange(IndicatorTable([.. locations.Select(l => l?.Score)]));
        await _runtime.Names.FillAsync(response.Branches, b => b.TenantId, (b, name) => b.TenantName = name);
        return response;
    }

    // Any role; the handler decides from the request (scope, tenant, the grant handed out).
    [RequiresPermission(Permission.None)]
    public override async Task<GetDistributionResponse> GetDistribution(GetDistributionRequest r, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var violations = new Violations();
        RankingRequests.Period(violations, "period", r.Period);
        var indicator = RankingRequests.Indicator(violations, "indicator_id", r.IndicatorId);
        var tenant = ScopeTenant(caller, violations, r.Scope);
        CommandChecks.ThrowIfInvalid(violations);

        if (await Reader.ServingLayoutAsync() is not { } layout)
        {
            return new GetDistributionResponse { Period = r.Period };
        }

        return ToMessage(await Reader.DistributionAsync(layout, r.Period, tenant, indicator), r.Period, layout.RubricVersion);
    }

    [RequiresPermission(Permission.TenantRead)]
    public override async Task<GetBranchTrendResponse> GetBranchTrend(GetBranchTrendRequest r, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var violations = new Violations().Slug("node_id", r.NodeId);
        var periods = RankingRequests.TrendPeriods(violations, r.PeriodKind, r.FromPeriod, r.ToPeriod);
        CommandChecks.ThrowIfInvalid(violations);
        await RequireNodeAsync(caller, r.NodeId);

        var layout = await Reader.ServingLayoutAsync();
        var points = await Task.WhenAll(periods.Select(async period =>
        {
            var point = new RankingTrendPoint { Period = period.ToString() };
            if (layout is not null && await Reader.LocateAsync(layout, point.Period, caller.Tenant, r.NodeId) is { } branch)
            {
                var (score, city, tenant) = branch;
                point.Scored = true;
                point.Total = score.Total;
                point.Grade = score.Grade;
                point.City = ToMessage(city);
                point.Tenant = ToMessage(tenant);
            }

            return point;
        }));

        var response = new GetBranchTrendResponse { NodeId = r.NodeId, RubricVersion = layout?.RubricVersion ?? "" };
        response.Points.AddRange(points);
        return response;
    }

    /// <summary>
    /// A read about one node answers <c>NOT_FOUND</c> for a node the caller's tenant does not have, as every
    /// other node-scoped RPC does, rather than an empty answer that looks like "no scores yet".
    /// </summary>
    private async Task RequireNodeAsync(Caller caller, string nodeId)
    {
        if (await grains.GetGrain<ITenantGrain>(GrainKeys.Tenant(caller.Tenant)).GetNode(nodeId) is null)
        {
            throw new NotFoundException("branchledger.v1.Node", nodeId, $"No node '{nodeId}' in this tenant's directory.");
        }
    }

    [RequiresPermission(Permission.CityRead)]
    public override async Task<ListTenantLeaderboardResponse> ListTenantLeaderboard(ListTenantLeaderboardRequest r, ServerCallContext context)
    {
        callers.Resolve(context);
        var violations = new Violations();
        RankingRequests.Period(violations, "period", r.Period);
        var scope = $"leaderboard|{r.Period}";
        var pageSize = Paging.PageSize(violations, r.PageSize);
        var after = Paging.After(violations, scope, r.PageToken);
        CommandChecks.ThrowIfInvalid(violations);

        var response = new ListTenantLeaderboardResponse();
        if (await Reader.ServingLayoutAsync() is not { } layout)
        {
            return response;
        }

        // Tenants number in the dozens or hundreds: the whole board is merged, then paged.
        var board = (await Reader.TenantStatsAsync(layout, r.Period)).ToList();
        board.Sort(TenantStats.CompareForLeaderboard);
        response.Tenants.AddRange(board.Skip((int)Math.Min(after, board.Count)).Take(pageSize).Select((s, i) => ToMessage(s, after + i + 1)));
        await _runtime.Names.FillAsync(response.Tenants, t => t.TenantId, (t, name) => t.TenantName = name);
        response.TenantCount = board.Count;
        response.RubricVersion = layout.RubricVersion;
        if (after + pageSize < board.Count)
        {
            response.NextPageToken = PageToken.Encode(scope, after + pageSize);
        }

        return response;
    }

    // Any role; the handler decides from the request (scope, tenant, the grant handed out).
    [RequiresPermission(Permission.None)]
    public override async Task WatchRanking(WatchRankingRequest r, IServerStreamWriter<WatchRankingResponse> responseStream, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var violations = new Violations();
        RankingRequests.Period(violations, "period", r.Period);
        var tenant = ScopeTenant(caller, violations, r.Scope);
        var indicator = RankingRequests.Indicator(violations, "indicator_id", r.IndicatorId);
        var topN = RankingRequests.TopN(violations, "top_n", r.TopN);
        CommandChecks.ThrowIfInvalid(violations);

        try
        {
            await foreach (var shared in _runtime.Watches.Watch(new WatchKey(r.Period, tenant, indicator, topN), context.CancellationToken))
            {
                // Views are shared by every watcher of the key: name a copy.
                var view = shared.Clone();
                await _runtime.Names.FillAsync(view.Branches, b => b.TenantId, (b, name) => b.TenantName = name);
                await responseStream.WriteAsync(view, context.CancellationToken);
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The client went away or the server is stopping: the stream simply ends.
        }
    }

    /// <summary>The tenant of a tenant-scoped view, or null for the city; each needs its own permission.</summary>
    private static string? ScopeTenant(Caller caller, Violations violations, RankingScope scope)
    {
        var before = violations.Items.Count;
        var tenantScope = RankingRequests.IsTenantScope(violations, "scope", scope);
        if (violations.Items.Count > before)
        {
            return null;
        }

        if (tenantScope)
        {
            caller.Demand(Permission.TenantRead, caller.Tenant);
            return caller.Tenant;
        }

        caller.Demand(Permission.CityRead, null);
        return null;
    }
}
