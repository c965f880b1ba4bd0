using System.Security.Claims;
using BranchLedger.Domain.Access;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BranchLedger.Auth;

/// <summary>Mints tokens signed with the local key: what <c>branchledger token</c> and the tests use.</summary>
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
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}
