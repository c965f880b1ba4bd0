using Grpc.Core;

namespace BranchLedger.CityData;

/// <summary>
/// Who a call comes from, as the gateway reads it today: the tenant and the user in metadata. The one
/// place the CLI, the demo loader and the city benchmark build call metadata, so moving to a bearer
/// token is one edit.
/// </summary>
public static class CallerMetadata
{
    /// <summary>Metadata naming <paramref name="tenant"/> and <paramref name="user"/> as the caller.</summary>
    public static Metadata For(string tenant, string user) =>
        new() { { "x-branchledger-tenant", tenant }, { "x-branchledger-user", user } };
}
