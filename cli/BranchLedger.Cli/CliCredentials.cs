using BranchLedger.Auth;
using BranchLedger.Domain.Access;
using Grpc.Core;

namespace BranchLedger.Cli;

/// <summary>
/// How the CLI proves who it is: a token (<c>--token</c> / BRANCHLEDGER_TOKEN), an API key
/// (<c>--api-key</c> / BRANCHLEDGER_API_KEY), or — on the machine that runs the platform — a token it
/// mints itself with the local signing key (<c>--key-file</c> / BRANCHLEDGER_LOCAL_KEY_FILE). Whoever
/// can read that key can mint any grant, so the local operator token is simply all of them.
/// </summary>
internal sealed class CliCredentials(string? token, string? apiKey, string keyFile, string user)
{
    /// <summary>The default local key file, relative to the repository root the scripts run from.</summary>
    public const string DefaultKeyFile = ".data/local-signing-key";

    /// <summary>Call metadata acting on <paramref name="tenant"/> (null: no tenant named).</summary>
    public Metadata For(string? tenant)
    {
        var metadata = new Metadata();
        if (apiKey is { Length: > 0 })
        {
            metadata.Add(BranchLedgerClaims.ApiKeyHeader, apiKey);
        }
        else
        {
            metadata.Add("authorization", "Bearer " + (token is { Length: > 0 } ? token : LocalOperatorToken(tenant)));
        }

        if (tenant is not null)
        {
            metadata.Add(BranchLedgerClaims.TenantHeader, tenant);
        }

        return metadata;
    }

    /// <summary>
    /// Call metadata for another person acting on <paramref name="tenant"/> with <paramref name="grant"/>
    /// (the demo's verifier, who must differ from the recorder): minted with the local key. With an
    /// explicit token or API key the CLI cannot be someone else, so that credential is used.
    /// </summary>
    public Metadata ForPerson(string subject, string tenant, Grant grant)
    {
        if (apiKey is { Length: > 0 } || token is { Length: > 0 })
        {
            return For(tenant);
        }

        return new Metadata
        {
            { "authorization", "Bearer " + LocalTokens.Mint(LoadKey(), subject, [grant], TimeSpan.FromHours(1)) },
            { BranchLedgerClaims.TenantHeader, tenant },
        };
    }

    /// <summary>Mints a token for the user with explicit grants with the local key (the <c>token</c> command).</summary>
    public string Mint(IEnumerable<Grant> grants, TimeSpan lifetime) =>
        LocalTokens.Mint(LoadKey(), user, grants, lifetime);

    private string LocalOperatorToken(string? tenant)
    {
        List<Grant> grants = [Grant.Everywhere(Role.PlatformAdmin), Grant.Everywhere(Role.Supervisor)];
        if (tenant is not null)
        {
            grants.Add(Grant.For(Role.TenantAdmin, tenant));
        }

        return Mint(grants, TimeSpan.FromHours(1));
    }

    private Microsoft.IdentityModel.Tokens.SecurityKey LoadKey() =>
        File.Exists(keyFile)
            ? LocalSigningKey.LoadOrCreate(keyFile)
            : throw new InvalidOperationException(
                $"No credential: pass --token or --api-key, or run next to a local platform whose signing key is '{keyFile}' (--key-file).");
}
