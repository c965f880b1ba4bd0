using BranchLedger.Api.V1;
using BranchLedger.Contracts;
using BranchLedger.Contracts.Directory;
using BranchLedger.Domain.Directory;
using BranchLedger.Domain.Validation;
using Grpc.Core;
using static BranchLedger.Gateway.Services.DirectoryMapping;
using NodeClosed = BranchLedger.Contracts.Directory.NodeClosed;
using NodeCreated = BranchLedger.Contracts.Directory.NodeCreated;
using NodeKind = BranchLedger.Domain.Directory.NodeKind;
using NodeMoved = BranchLedger.Contracts.Directory.NodeMoved;
using NodeRenamed = BranchLedger.Contracts.Directory.NodeRenamed;
using BranchLedger.Domain.Access;
using BranchLedger.Gateway.Security;

namespace BranchLedger.Gateway.Services;

/// <summary>
/// DirectoryService: validates every request completely before any grain call, then delegates to the
/// caller's tenant grain. The tenant comes from the caller, never from the request.
/// </summary>
internal sealed partial class DirectoryApi(IGrainFactory grains, ICallerResolver callers, TimeProvider clock, TenantReadSettings readSettings)
    : DirectoryService.DirectoryServiceBase
{
    [RequiresPermission(Permission.TenantCreate, Mutation = true)]
    public override async Task<RegisterTenantResponse> RegisterTenant(RegisterTenantRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var command = Checked(caller, request.RequestId, new TenantRegistered { Profile = ToProfile(request.Profile) });
        var result = await Directory(caller).RegisterTenant(command);
        return new() { Tenant = result.Tenant.ToMessage(), Replayed = result.Replayed };
    }

    [RequiresPermission(Permission.TenantRead)]
    public override async Task<GetTenantResponse> GetTenant(GetTenantRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var tenant = await Directory(caller).GetTenant();
        if (tenant is null)
        {
            DirectoryChecks.ThrowIfFailed(TenantRules.NotRegistered(caller.Tenant));
        }

        return new() { Tenant = tenant!.ToMessage() };
    }

    [RequiresPermission(Permission.DirectoryWrite, Mutation = true)]
    public override async Task<UpdateTenantProfileResponse> UpdateTenantProfile(UpdateTenantProfileRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var command = Checked(caller, request.RequestId, new TenantProfileUpdated { Profile = ToProfile(request.Profile) });
        var result = await Directory(caller).UpdateProfile(command);
        // The read setting may have changed: this gateway sees it at once, others within the cache time.
        readSettings.Evict(caller.Tenant);
        return new() { Tenant = result.Tenant.ToMessage(), Replayed = result.Replayed };
    }

    [RequiresPermission(Permission.DirectoryWrite, Mutation = true)]
    public override async Task<CreateNodeResponse> CreateNode(CreateNodeRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var command = Checked(caller, request.RequestId, new NodeCreated
        {
            NodeId = request.NodeId, Kind = (NodeKind)(int)request.Kind, Name = request.Name, ParentId = OrNull(request.ParentId),
        });
        var result = await Directory(caller).CreateNode(command);
        return new() { Node = result.Node.ToMessage(), Replayed = result.Replayed };
    }

    [RequiresPermission(Permission.DirectoryWrite, Mutation = true)]
    public override async Task<RenameNodeResponse> RenameNode(RenameNodeRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var command = Checked(caller, request.RequestId, new NodeRenamed { NodeId = request.NodeId, Name = request.Name });
        var result = await Directory(caller).RenameNode(command);
        return new() { Node = result.Node.ToMessage(), Replayed = result.Replayed };
    }

    [RequiresPermission(Permission.DirectoryWrite, Mutation = true)]
    public override async Task<MoveNodeResponse> MoveNode(MoveNodeRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var command = Checked(caller, request.RequestId, new NodeMoved { NodeId = request.NodeId, ParentId = OrNull(request.NewParentId) });
        var result = await Directory(caller).MoveNode(command);
        return new() { Node = result.Node.ToMessage(), Replayed = result.Replayed };
    }

    [RequiresPermission(Permission.DirectoryWrite, Mutation = true)]
    public override async Task<CloseNodeResponse> CloseNode(CloseNodeRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var command = Checked(caller, request.RequestId, new NodeClosed { NodeId = request.NodeId, Reason = request.Reason });
        var result = await Directory(caller).CloseNode(command);
        return new() { Node = result.Node.ToMessage(), Replayed = result.Replayed };
    }

    [RequiresPermission(Permission.TenantRead)]
    public override async Task<GetNodeResponse> GetNode(GetNodeRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        DirectoryChecks.ThrowIfInvalid(new Violations().Slug("node_id", request.NodeId));
        var node = await Directory(caller).GetNode(request.NodeId) ?? throw DirectoryChecks.NodeNotFound(request.NodeId);
        return new() { Node = node.ToMessage() };
    }

    [RequiresPermission(Permission.TenantRead)]
    public override async Task<ListNodesResponse> ListNodes(ListNodesRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var violations = NodeRules.Parent(new Violations(), "parent_id", request.ParentId, nodeId: null);
        var pageSize = Paging.PageSize(violations, request.PageSize);
        var scope = $"nodes:{request.ParentId}:{(request.IncludeClosed ? "all" : "open")}";
        var after = Paging.After(violations, scope, request.PageToken);
        DirectoryChecks.ThrowIfInvalid(violations);

        var page = await Directory(caller).ListNodes(OrNull(request.ParentId), request.IncludeClosed, after, pageSize);
        var response = new ListNodesResponse { NextPageToken = Token(scope, page.NextAfter) };
        // A node-scoped reader (a branch secretary, unless the tenant widens reads) sees only its own
        // nodes; a page may then hold fewer than page_size nodes, and the token still walks them all.
        var readable = caller.ReadableNodes;
        response.Nodes.AddRange(page.Items.Where(n => readable is null || readable.Contains(n.NodeId)).Select(n => n.ToMessage()));
        return response;
    }

    [RequiresPermission(Permission.TenantRead)]
    public override async Task<ListNodeHistoryResponse> ListNodeHistory(ListNodeHistoryRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var violations = new Violations().Slug("node_id", request.NodeId);
        var pageSize = Paging.PageSize(violations, request.PageSize);
        var scope = $"history:{request.NodeId}";
        var after = Paging.After(violations, scope, request.PageToken);
        DirectoryChecks.ThrowIfInvalid(violations);

        var page = await Directory(caller).ListNodeHistory(request.NodeId, after, pageSize);
        var response = new ListNodeHistoryResponse { NextPageToken = Token(scope, page.NextAfter) };
        response.Changes.AddRange(page.Items.Select(e => e.ToNodeChange()));
        return response;
    }

    [RequiresPermission(Permission.DirectoryWrite, Mutation = true)]
    public override async Task<SetRosterResponse> SetRoster(SetRosterRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var violations = new Violations();
        var roster = ToRoster(
            request.EffectiveFrom, "effective_from", violations, request.Secretary, request.CommitteeMembers, request.Members,
            request.VotingMembers, request.CommitteeNames, request.MemberNames);
        var command = Checked(caller, request.RequestId, new RosterSet { NodeId = request.NodeId, Roster = roster }, violations);
        var result = await Directory(caller).SetRoster(command);
        return new() { Roster = result.Roster.ToMessage(), Replayed = result.Replayed };
    }

    [RequiresPermission(Permission.TenantRead)]
    public override async Task<ListRostersResponse> ListRosters(ListRostersRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var violations = request.NodeId.Length == 0 ? new Violations() : new Violations().Slug("node_id", request.NodeId);
        var pageSize = Paging.PageSize(violations, request.PageSize);
        var scope = $"rosters:{request.NodeId}";
        var after = Paging.After(violations, scope, request.PageToken);
        DirectoryChecks.ThrowIfInvalid(violations);

        var page = await Directory(caller).ListRosters(OrNull(request.NodeId), after, pageSize);
        var response = new ListRostersResponse { NextPageToken = Token(scope, page.NextAfter) };
        response.Rosters.AddRange(page.Items.Select(r => r.ToMessage()));
        return response;
    }

    [RequiresPermission(Permission.DirectoryWrite, Mutation = true)]
    public override async Task<SetObligationOverridesResponse> SetObligationOverrides(
        SetObligationOverridesRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var violations = new Violations();
        var overrides = request.Overrides.Select((o, i) => ToOverride(o, $"overrides[{i}].", violations)).ToList();
        var command = Checked(caller, request.RequestId, new ObligationOverridesSet { Overrides = overrides }, violations);
        var result = await Directory(caller).SetObligationOverrides(command);
        return new() { Overrides = result.Overrides.ToMessage(), Replayed = result.Replayed };
    }

    [RequiresPermission(Permission.TenantRead)]
    public override async Task<ListObligationsResponse> ListObligations(ListObligationsRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        return (await Directory(caller).GetObligations()).ToMessage();
    }

    // Builds the command and runs every field check on it; mapping problems found earlier (a
    // missing date) are in 'found', so the caller gets all violations in one answer.
    private DirectoryCommand<TChange> Checked<TChange>(Caller caller, string requestId, TChange change, Violations? found = null)
        where TChange : DirectoryChange
    {
        var command = new DirectoryCommand<TChange> { RequestId = requestId, RecordedBy = caller.Subject, Change = change };
        DirectoryChecks.ThrowIfInvalid(DirectoryChecks.Check(command, clock, found));
        return command;
    }

    private static string Token(string scope, long? next) => next is { } after ? PageToken.Encode(scope, after) : "";

    private ITenantGrain Directory(Caller caller) => grains.GetGrain<ITenantGrain>(GrainKeys.Tenant(caller.Tenant));
}
