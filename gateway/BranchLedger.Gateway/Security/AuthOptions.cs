namespace BranchLedger.Gateway.Security;

/// <summary>The <c>Auth</c> configuration section (see the README, Authentication).</summary>
internal sealed class AuthOptions
{
    /// <summary>An OIDC issuer whose tokens are accepted (its keys are discovered), or null.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience tokens must be issued for.</summary>
    public string Audience { get; set; } = Auth.BranchLedgerClaims.DefaultAudience;

    /// <summary>Whether grant claims in the OIDC issuer's tokens are believed (otherwise only stored bindings count).</summary>
    public bool TrustIssuerGrants { get; set; }

    /// <summary>Whether metadata may be fetched over plain HTTP (a local issuer only).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>File of the local signing key, created on first run; null disables local tokens.</summary>
    public string? LocalKeyFile { get; set; }

    /// <summary>The local signing key inline (base64), for tests; wins over <see cref="LocalKeyFile"/>.</summary>
    public string? LocalSigningKey { get; set; }

    /// <summary>Subjects that are platform admins by configuration: how the first admin exists.</summary>
    public List<string> PlatformAdmins { get; set; } = [];

    /// <summary>How long a gateway trusts what it read about a subject's bindings or an API key.</summary>
    public int CacheSeconds { get; set; } = 10;

    /// <summary>Allowed clock difference when checking token lifetimes.</summary>
    public int ClockSkewSeconds { get; set; } = 30;
}
