namespace BranchLedger.Auth;

/// <summary>Names the platform puts in and reads from tokens and metadata.</summary>
public static class BranchLedgerClaims
{
    /// <summary>One grant per claim, spelled as <see cref="Domain.Access.Grant"/> writes it.</summary>
    public const string Grant = "bl_grant";

    /// <summary>The issuer of tokens signed with the local key (development, tests, demo).</summary>
    public const string LocalIssuer = "branchledger-local";

    /// <summary>The audience local tokens are minted for, unless configured otherwise.</summary>
    public const string DefaultAudience = "branchledger";

    /// <summary>Metadata that picks the tenant a call acts on, for credentials that reach several.</summary>
    public const string TenantHeader = "x-branchledger-tenant";

    /// <summary>Metadata carrying an API key (alternatively <c>authorization: ApiKey …</c>).</summary>
    public const string ApiKeyHeader = "x-api-key";
}
