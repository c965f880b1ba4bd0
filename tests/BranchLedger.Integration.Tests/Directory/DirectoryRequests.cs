using BranchLedger.Api.V1;
using BranchLedger.Integration.Tests.Infrastructure;
using Google.Rpc;
using Grpc.Core;

namespace BranchLedger.Integration.Tests.OrgDirectory;

/// <summary>Valid directory requests to start from, fresh tenants, and readers for google.rpc error details.</summary>
public static class DirectoryRequests
{
    /// <summary>A tenant id no other test uses, so tests sharing one silo never see each other.</summary>
    public static string NewTenantId() => "t" + Guid.NewGuid().ToString("N")[..12];

    public static Metadata As(string tenant, string user = "party-office") => GatewayHost.As(tenant, user);

    /// <summary>The tenant a caller's metadata names.</summary>
    public static string TenantOf(Metadata who) => who.GetValue("x-branchledger-tenant")!;

    public static RegisterTenantRequest Register(string? requestId = null, string name = "市残疾人联合会") => new()
    {
        RequestId = requestId ?? Guid.NewGuid().ToString(),
        Profile = new TenantProfile { DisplayName = name, BodyKind = BodyKind.MassOrganisation },
    };

    public static CreateNodeRequest Create(string nodeId, NodeKind kind, string? parentId = null, string? name = null, string? requestId = null) => new()
    {
        RequestId = requestId ?? Guid.NewGuid().ToString(),
        NodeId = nodeId,
        Kind = kind,
        Name = name ?? nodeId + " 名称",
        ParentId = parentId ?? "",
    };

    public static SetRosterRequest Roster(string nodeId, int year = 2026, int members = 30, string? requestId = null) => new()
    {
        RequestId = requestId ?? Guid.NewGuid().ToString(),
        NodeId = nodeId,
        EffectiveFrom = new Google.Type.Date { Year = year, Month = 1, Day = 1 },
        Secretary = "王书记",
        CommitteeMembers = 5,
        Members = members,
        VotingMembers = members - 2,
    };

    /// <summary>
    /// A registered tenant holding the tree party-group (党组) → office-committee (机关党委) →
    /// branch-a (党支部) → group-a (党小组); returns the caller metadata for it.
    /// </summary>
    public static async Task<Metadata> SampleTenant(DirectoryService.DirectoryServiceClient directory)
    {
        var who = As(NewTenantId());
        await directory.RegisterTenantAsync(Register(), who);
        await directory.CreateNodeAsync(Create("party-group", NodeKind.Organisation, name: "党组"), who);
        await directory.CreateNodeAsync(Create("office-committee", NodeKind.Organisation, "party-group", "机关党委"), who);
        await directory.CreateNodeAsync(Create("branch-a", NodeKind.Branch, "office-committee", "第一党支部"), who);
        await directory.CreateNodeAsync(Create("group-a", NodeKind.SmallGroup, "branch-a", "第一党小组"), who);
        return who;
    }

    public static async Task<RpcException> Fails<T>(AsyncUnaryCall<T> call) =>
        await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

    /// <summary>The fields of an INVALID_ARGUMENT's google.rpc.BadRequest, sorted.</summary>
    public static IReadOnlyList<string> Fields(RpcException error)
    {
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        return [.. error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).Order(StringComparer.Ordinal)];
    }

    /// <summary>The single google.rpc.PreconditionFailure violation of a FAILED_PRECONDITION.</summary>
    public static PreconditionFailure.Types.Violation Precondition(RpcException error)
    {
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        return Assert.Single(error.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations);
    }

    /// <summary>The google.rpc.ResourceInfo of a NOT_FOUND or ALREADY_EXISTS with the given status.</summary>
    public static ResourceInfo Resource(RpcException error, StatusCode status)
    {
        Assert.Equal(status, error.StatusCode);
        return error.GetRpcStatus()!.GetDetail<ResourceInfo>();
    }
}
