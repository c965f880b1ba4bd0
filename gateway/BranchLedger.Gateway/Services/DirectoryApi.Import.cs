using BranchLedger.Api.V1;
using BranchLedger.Contracts.Directory;
using BranchLedger.Domain.Validation;
using Grpc.Core;
using static BranchLedger.Gateway.Services.DirectoryMapping;
using NodeCreated = BranchLedger.Contracts.Directory.NodeCreated;
using NodeImport = BranchLedger.Contracts.Directory.NodeImport;
using NodeKind = BranchLedger.Domain.Directory.NodeKind;
using BranchLedger.Domain.Access;
using BranchLedger.Gateway.Security;

namespace BranchLedger.Gateway.Services;

/// <summary>DirectoryService.ImportNodes: a tenant's tree (and rosters) in one request and one directory write.</summary>
internal sealed partial class DirectoryApi
{
    [RequiresPermission(Permission.DirectoryWrite, Mutation = true)]
    public override async Task<ImportNodesResponse> ImportNodes(ImportNodesRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var violations = new Violations();
        var nodes = request.Nodes.Select((n, i) => new NodeImport
        {
            Node = new DirectoryCommand<NodeCreated>
            {
                RequestId = n.RequestId, RecordedBy = caller.Subject,
                Change = new NodeCreated { NodeId = n.NodeId, Kind = (NodeKind)(int)n.Kind, Name = n.Name, ParentId = OrNull(n.ParentId) },
            },
            Roster = n.Roster is not { } r ? null : new DirectoryCommand<RosterSet>
            {
                RequestId = r.RequestId, RecordedBy = caller.Subject,
                Change = new RosterSet
                {
                    NodeId = n.NodeId,
                    Roster = ToRoster(
                        r.EffectiveFrom, $"nodes[{i}].roster.effective_from", violations, r.Secretary, r.CommitteeMembers, r.Members,
                        r.VotingMembers, r.CommitteeNames, r.MemberNames),
                },
            },
        }).ToList();
        DirectoryChecks.ThrowIfInvalid(DirectoryChecks.CheckImport(nodes, clock, violations));

        var imported = await Directory(caller).ImportNodes(nodes);
        var response = new ImportNodesResponse();
        response.Nodes.AddRange(imported.Select(n => new ImportedNode
        {
            Node = n.Node.ToMessage(), Roster = n.Roster?.ToMessage(), Replayed = n.Replayed,
        }));
        return response;
    }
}
