using BranchLedger.Api.V1;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace BranchLedger.Integration.Tests.Security;

/// <summary>
/// A request for any RPC, aimed at one tenant. Most are built generically (node, request id, period
/// filled by field name): authorization runs before validation, so an allowed call may still be
/// refused as invalid — what matters is that it is not refused as unauthorised. RPCs whose handlers
/// decide access get complete, valid requests.
/// </summary>
internal sealed class MatrixRequests(string branch, string organisation, IReadOnlyDictionary<string, string> revocableKeys)
{
    private int _sequence;

    public IMessage For(string rpc, MessageDescriptor input, string tenant) => rpc switch
    {
        "ReportService/ExportRankings" => new ExportRankingsRequest
        {
            Format = ExportFormat.Csv, Ranking = new ListTopBranchesRequest { Period = "2026", Scope = RankingScope.City },
        },
        "RankingService/CompareBranches" => new CompareBranchesRequest { Period = "2026", Branches = { new RankingBranchRef { TenantId = tenant, NodeId = branch } } },
        "AccessService/BindRole" => new BindRoleRequest { Subject = "mx-person", Grant = $"branch-secretary@{tenant}#{branch}", RequestId = Next() },
        "AccessService/UnbindRole" => new UnbindRoleRequest { Subject = "mx-person", Grant = $"branch-secretary@{tenant}#{branch}", RequestId = Next() },
        "AccessService/CreateApiKey" => new CreateApiKeyRequest { Name = "matrix", Grant = $"system-client@{tenant}!tenant.read", RequestId = Next() },
        "AccessService/RevokeApiKey" => new RevokeApiKeyRequest { KeyId = revocableKeys[tenant], RequestId = Next() },
        // Valid requests here would publish a rubric or clear the rankings: invalid ones still pass the gate first.
        "RubricService/PublishRubric" => new PublishRubricRequest { RubricJson = "{", RequestId = Next() },
        "RubricService/RebuildRankings" => new RebuildRankingsRequest(),
        _ => Generic(rpc, input),
    };

    private IMessage Generic(string rpc, MessageDescriptor input)
    {
        var message = input.Parser.ParseFrom(ByteString.Empty);
        foreach (var field in input.Fields.InFieldNumberOrder().Where(f => !f.IsRepeated && !f.IsMap))
        {
            object? value = (field.Name, field.FieldType) switch
            {
                // Directory writes aim at a node that does not exist, so allowed cells change nothing; reads
                // name the branch, like every other read (node-scoped grants read only their own nodes).
                ("node_id", _) => rpc.StartsWith("DirectoryService/", StringComparison.Ordinal) && AccessExpectations.Needs[rpc] != Need.Read ? "zz-missing" : branch,
                ("organisation_id", _) => organisation,
                ("request_id", _) => Next(),
                ("period", _) => "2026",
                ("scope", FieldType.Enum) => Enum.ToObject(field.Accessor.GetValue(message).GetType(), 1),
                _ => null,
            };
            if (value is not null)
            {
                field.Accessor.SetValue(message, value);
            }
        }

        return message;
    }

    private string Next() => "mx-" + Interlocked.Increment(ref _sequence);
}
