using BranchLedger.Api.V1;
using BranchLedger.Domain.Access;
using BranchLedger.Gateway.Security;
using Grpc.Core;

namespace BranchLedger.Gateway.Services;

internal sealed partial class LedgerApi
{
    // The catalogue is the same for every tenant and caller: no grain, no tenant, answered from memory.
    [RequiresPermission(Permission.None)]
    public override Task<ListRecordKindsResponse> ListRecordKinds(ListRecordKindsRequest request, ServerCallContext context) =>
        Task.FromResult(RecordKindMapping.Response);
}
