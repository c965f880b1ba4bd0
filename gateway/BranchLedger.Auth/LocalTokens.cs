using System.Security.Claims;
using BranchLedger.Domain.Access;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BranchLedger.Auth;

/// <summary>Mints tokens signed with the local key (or an RSA issuer key): what <c>branchledger token</c> and the tests use.</summary>
public static class LocalTokens
{
    /// <summary>A token for <paramref name="subject"/> carrying <paramref name="grants"/>.</summary>
    public static string Mint(
        SecurityKey key, string subject, IEnumerable<Grant> grants, TimeSpan lifetime,
        string issuer = BranchLedgerClaims.LocalIssuer, string audience = BranchLedgerClaims.DefaultAudience, DateTime? now = null)
    {
        var issuedAt = now ?? DateTime.UtcNow;
        var claims = new List<Claim> { new(JwtRegisteredClaimNames.Sub, subject) };
        claims.AddRange(grants.Select(g => new Claim(BranchLedgerClaims.Grant, g.ToString())));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = issuedAt,
            NotBefore = issuedAt.AddMinutes(-1),
            Expires = issuedAt + lifetime,
            // RSA when the key is one (an issuer's, as tests stand one up); the local key is symmetric.
            SigningCredentials = new SigningCredentials(key, key is RsaSecurityKey ? SecurityAlgorithms.RsaSha256 : SecurityAlgorithms.HmacSha256),
        });
    }
}
