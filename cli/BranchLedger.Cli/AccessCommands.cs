using BranchLedger.Api.V1;
using BranchLedger.Domain.Access;
using Grpc.Core;

namespace BranchLedger.Cli;

/// <summary>Access administration from the command line: tokens, tenants, role bindings, API keys.</summary>
internal sealed class AccessCommands(AccessService.AccessServiceClient access, Metadata headers, string user)
{
    public static int MintToken(CliCredentials credentials, string subject, IReadOnlyList<string> grantTexts, double hours)
    {
        if (grantTexts.Count == 0)
        {
            Console.Error.WriteLine("name at least one grant, e.g. supervisor@*");
            return 2;
        }

        var grants = new List<Grant>();
        foreach (var text in grantTexts)
        {
            var grant = Grant.Parse(text);
            var problem = grant is null ? "role@tenants[#nodes][!permissions]" : GrantRules.Problem(grant);
            if (problem is not null)
            {
                Console.Error.WriteLine($"'{text}' is not a valid grant: {problem}");
                return 2;
            }

            grants.Add(grant!);
        }

        Console.WriteLine(credentials.Mint(subject, grants, TimeSpan.FromHours(hours)));
        return 0;
    }

    public static async Task<int> CreateTenantAsync(DirectoryService.DirectoryServiceClient directory, Metadata headers, string name, string? kind)
    {
        var response = await directory.RegisterTenantAsync(new RegisterTenantRequest
        {
            RequestId = "cli:register",
            Profile = new TenantProfile
            {
                DisplayName = name,
                BodyKind = kind is null ? BodyKind.PeoplesOrganisation : ParseBodyKind(kind),
            },
        }, headers);
        Console.WriteLine($"{response.Tenant.TenantId}: {response.Tenant.Profile.DisplayName} (replayed: {response.Replayed})");
        return 0;
    }

    // Accepts the proto spelling (BODY_KIND_MASS_ORGANISATION, MASS_ORGANISATION) and the C# one (MassOrganisation).
    private static BodyKind ParseBodyKind(string text) =>
        Enum.TryParse<BodyKind>(text.Replace("BODY_KIND_", "", StringComparison.OrdinalIgnoreCase).Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var kind)
            && kind != BodyKind.Unspecified
            ? kind
            : throw new InvalidOperationException(
                $"'{text}' is not a body kind; one of {string.Join(", ", Enum.GetValues<BodyKind>().Skip(1))}.");

    public async Task<int> WhoAmIAsync()
    {
        var me = await access.GetCallerAsync(new GetCallerRequest(), headers);
        Console.WriteLine($"{me.Subject} via {me.Credential}; default tenant: {(me.DefaultTenantId.Length > 0 ? me.DefaultTenantId : "(none)")}");
        foreach (var grant in me.Grants)
        {
            Console.WriteLine("  " + grant);
        }

        return 0;
    }

    public async Task<int> BindAsync(string subject, string grant, bool unbind)
    {
        var requestId = $"cli:{(unbind ? "unbind" : "bind")}:{Guid.NewGuid():N}";
        var replayed = unbind
            ? (await access.UnbindRoleAsync(new UnbindRoleRequest { Subject = subject, Grant = grant, RequestId = requestId }, headers)).Replayed
            : (await access.BindRoleAsync(new BindRoleRequest { Subject = subject, Grant = grant, RequestId = requestId }, headers)).Replayed;
        Console.WriteLine($"{(unbind ? "unbound" : "bound")} {grant} {(unbind ? "from" : "to")} {subject} (replayed: {replayed})");
        return 0;
    }

    public async Task<int> ListBindingsAsync()
    {
        var token = "";
        do
        {
            var page = await access.ListRoleBindingsAsync(new ListRoleBindingsRequest { PageToken = token }, headers);
            foreach (var b in page.Bindings)
            {
                Console.WriteLine($"{b.Subject,-24} {b.Grant,-40} by {b.BoundBy} at {b.BoundAt.ToDateTimeOffset():u}");
            }

            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return 0;
    }

    public async Task<int> CreateApiKeyAsync(string name, string grant, int? days)
    {
        var response = await access.CreateApiKeyAsync(new CreateApiKeyRequest
        {
            Name = name,
            Grant = grant,
            ExpireTime = days is { } d ? Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.UtcNow.AddDays(d)) : null,
            RequestId = $"cli:key:{user}:{Guid.NewGuid():N}",
        }, headers);
        Console.WriteLine($"key id {response.Key.KeyId} ({response.Key.Grant})");
        Console.WriteLine(response.KeyText);
        Console.Error.WriteLine("The key is shown only now; the platform keeps its hash.");
        return 0;
    }

    public async Task<int> RevokeApiKeyAsync(string keyId)
    {
        var response = await access.RevokeApiKeyAsync(new RevokeApiKeyRequest { KeyId = keyId, RequestId = $"cli:revoke:{keyId}" }, headers);
        Console.WriteLine($"revoked {response.Key.KeyId} at {response.Key.RevokeTime.ToDateTimeOffset():u}");
        return 0;
    }

    public async Task<int> ListApiKeysAsync()
    {
        var token = "";
        do
        {
            var page = await access.ListApiKeysAsync(new ListApiKeysRequest { PageToken = token }, headers);
            foreach (var k in page.Keys)
            {
                var state = k.RevokeTime is not null ? "revoked" : k.ExpireTime is { } e && e.ToDateTimeOffset() <= DateTimeOffset.UtcNow ? "expired" : "active";
                Console.WriteLine($"{k.KeyId}  {state,-8} {k.Name,-24} {k.Grant}");
            }

            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return 0;
    }
}
