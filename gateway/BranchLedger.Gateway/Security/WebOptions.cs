namespace BranchLedger.Gateway.Security;

/// <summary>The <c>Web</c> configuration section: how people sign in to the web app (README, Web app).</summary>
internal sealed class WebOptions
{
    /// <summary>
    /// The development sign-in (pick a role, get a session signed by this gateway). Off unless set
    /// <em>and</em> the local signing key is configured: a deployment that keeps a local key for the
    /// CLI must not thereby let anyone sign in as anyone.
    /// </summary>
    public bool DevSignIn { get; set; }

    /// <summary>The web app's client id at the OIDC issuer (<c>Auth__Authority</c>); null: no OIDC sign-in.</summary>
    public string? OidcClientId { get; set; }

    /// <summary>The client secret, for issuers that want one beside PKCE (a confidential client).</summary>
    public string? OidcClientSecret { get; set; }

    /// <summary>How long a trusted device stays signed in when its tenant sets nothing.</summary>
    public int TrustedSessionDays { get; set; } = 7;

    /// <summary>How long a session on a device not marked as trusted lasts (a browser session at most).</summary>
    public int SessionHours { get; set; } = 12;
}
