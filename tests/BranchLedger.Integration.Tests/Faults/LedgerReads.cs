using BranchLedger.Api.V1;
using Grpc.Core;

namespace BranchLedger.Integration.Tests.Faults;

/// <summary>Reading a whole ledger back through the gateway, every entry included.</summary>
public static class LedgerReads
{
    /// <summary>Every entry of the node's live ledger (corrections and voided records included), in order.</summary>
    public static async Task<List<LedgerRecord>> AllAsync(LedgerService.LedgerServiceClient ledger, string node, Metadata caller)
    {
        var all = new List<LedgerRecord>();
        var request = new ListRecordsRequest { NodeId = node, IncludeHistory = true, PageSize = 500 };
        do
        {
            var page = await ledger.ListRecordsAsync(request, caller, DateTime.UtcNow.AddSeconds(30));
            all.AddRange(page.Records);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        return all;
    }
}
