using BranchLedger.Api.V1;
using BranchLedger.Contracts.Access;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Domain.Access;
using BranchLedger.Domain.Validation;
using BranchLedger.Gateway.Security;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace BranchLedger.Gateway.Services;

/// <summary>
/// AccessService: role bindings and API keys. Who may hand out what is <see cref="GrantRules.MayBind"/>:
/// platform admins anything, a tenant's admins tenant roles of their own tenant only.
/// </summary>
internal sealed class AccessApi(IGrainFactory grains, ICallerResolver callers, GrantDirectory directory, TimeProvider clock)
    : AccessService.AccessServiceBase
{
    private const int MaxSubjectLength = 256;

    private IAccessGrain Access => grains.GetGrain<IAccessGrain>(AccessKeys.Platform);

    [RequiresPermission(Permission.None)]
    public override Task<GetCallerResponse> GetCaller(GetCallerRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var response = new GetCallerResponse
        {
            Subject = caller.Subject,
            Credential = caller.Credential,
            DefaultTenantId = AccessPolicy.DefaultTenant(caller.Grants) ?? "",
        };
        response.Grants.AddRange(caller.Grants.Select(g => g.ToString()));
        return Task.FromResult(response);
    }

    // Any role; the handler decides from the request (scope, tenant, the grant handed out).
    [RequiresPermission(Permission.None, Mutation = true)]
    public override async Task<BindRoleResponse> BindRole(BindRoleRequest r, ServerCallContext context)
    {
        var grant = Authorise(context, r.Subject, r.Grant, r.RequestId);
        var result = await Access.Bind(new BindGrantCommand(r.RequestId, r.Subject, grant.ToString(), callers.Resolve(context).Subject));
        directory.EvictSubject(r.Subject);
        return new BindRoleResponse { Replayed = result.Replayed };
    }

    // Any role; the handler decides from the request (scope, tenant, the grant handed out).
    [RequiresPermission(Permission.None, Mutation = true)]
    public override async Task<UnbindRoleResponse> UnbindRole(UnbindRoleRequest r, ServerCallContext context)
    {
        var grant = Authorise(context, r.Subject, r.Grant, r.RequestId);
        var result = await Access.Unbind(new BindGrantCommand(r.RequestId, r.Subject, grant.ToString(), callers.Resolve(context).Subject));
        directory.EvictSubject(r.Subject);
        return new UnbindRoleResponse { Replayed = result.Replayed };
    }

    // Any role; the handler decides from the request (scope, tenant, the grant handed out).
    [RequiresPermission(Permission.None)]
    public override async Task<ListRoleBindingsResponse> ListRoleBindings(ListRoleBindingsRequest r, ServerCallContext context)
    {
        var tenant = ListingScope(callers.Resolve(context));
        var violations = new Violations();
        var pageSize = Paging.PageSize(violations, r.PageSize);
        var after = Paging.After(violations, "bindings|" + tenant, r.PageToken);
        CommandChecks.ThrowIfInvalid(violations);

        var (page, next) = OffsetPage(await Access.ListBindings(tenant), after, pageSize, "bindings|" + tenant);
        var response = new ListRoleBindingsResponse { NextPageToken = next };
        response.Bindings.AddRange(page.Select(b => new Api.V1.RoleBinding
        {
            Subject = b.Subject, Grant = b.Grant, BoundBy = b.BoundBy, BoundAt = Timestamp.FromDateTimeOffset(b.BoundAt),
        }));
        return response;
    }

    // Any role; the handler decides from the request (scope, tenant, the grant handed out).
    [RequiresPermission(Permission.None, Mutation = true)]
    public override async Task<CreateApiKeyResponse> CreateApiKey(CreateApiKeyRequest r, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var violations = new Violations().RequestId("request_id", r.RequestId).Text("name", r.Name, 128, required: true);
        var grant = ParseGrant(violations, r.Grant);
        if (grant is not null && grant.Role != Role.SystemClient)
        {
            violations.Add("grant", "an API key's role is system-client");
        }

        DateTimeOffset? expires = r.ExpireTime is null ? null : ApiDates.ToInstant(r.ExpireTime, "expire_time", violations);
        if (expires is { } at && at <= clock.GetUtcNow())
        {
            violations.Add("expire_time", "must be in the future");
        }

        CommandChecks.ThrowIfInvalid(violations);
        Demand(context, caller, grant!);

        var (keyId, text, hash) = ApiKeyText.Create();
        var result = await Access.AddApiKey(new AddApiKeyCommand(r.RequestId, keyId, hash, r.Name, grant!.ToString(), expires, caller.Subject, clock.GetUtcNow()));
        var stored = await Access.FindApiKey(result.KeyId ?? keyId)
            ?? throw new RpcException(new Status(StatusCode.Unavailable, "The key was stored but cannot be read back yet; retry with the same request id."));
        return new CreateApiKeyResponse { Key = Message(stored), KeyText = result.Replayed ? "" : text, Replayed = result.Replayed };
    }

    // Any role; the handler decides from the request (scope, tenant, the grant handed out).
    [RequiresPermission(Permission.None, Mutation = true)]
    public override async Task<RevokeApiKeyResponse> RevokeApiKey(RevokeApiKeyRequest r, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        CommandChecks.ThrowIfInvalid(new Violations().RequestId("request_id", r.RequestId).Text("key_id", r.KeyId, 64, required: true));
        if (!caller.Grants.Any(g => g.Permissions.HasFlag(Permission.AccessAdmin)))
        {
            throw Caller.Denied(Permission.AccessAdmin, null);
        }

        var key = await Access.FindApiKey(r.KeyId);
        if (key is null || Grant.Parse(key.Grant) is not { } grant || !GrantRules.MayBind(caller.Grants, grant))
        {
            // A key the caller could not have issued is treated as absent: its existence is not theirs to learn.
            throw new RpcException(new Status(StatusCode.NotFound, $"There is no API key '{r.KeyId}' for this credential."));
        }

        context.UserState[AuditInterceptor.TenantOverrideKey] = SingleTenant(grant) ?? "";
        var result = await Access.RevokeApiKey(new RevokeApiKeyCommand(r.RequestId, r.KeyId, caller.Subject, clock.GetUtcNow()));
        directory.EvictKey(r.KeyId);
        return new RevokeApiKeyResponse { Key = Message((await Access.FindApiKey(r.KeyId))!), Replayed = result.Replayed };
    }

    // Any role; the handler decides from the request (scope, tenant, the grant handed out).
    [RequiresPermission(Permission.None)]
    public override async Task<ListApiKeysResponse> ListApiKeys(ListApiKeysRequest r, ServerCallContext context)
    {
        var tenant = ListingScope(callers.Resolve(context));
        var violations = new Violations();
        var pageSize = Paging.PageSize(violations, r.PageSize);
        var after = Paging.After(violations, "keys|" + tenant, r.PageToken);
        CommandChecks.ThrowIfInvalid(violations);

        var (page, next) = OffsetPage(await Access.ListApiKeys(tenant), after, pageSize, "keys|" + tenant);
        var response = new ListApiKeysResponse { NextPageToken = next };
        response.Keys.AddRange(page.Select(Message));
        return response;
    }

    private Grant Authorise(ServerCallContext context, string subject, string grantText, string requestId)
    {
        var violations = new Violations().RequestId("request_id", requestId).Text("subject", subject, MaxSubjectLength, required: true);
        var grant = ParseGrant(violations, grantText);
        CommandChecks.ThrowIfInvalid(violations);
        Demand(context, callers.Resolve(context), grant!);
        return grant!;
    }

    private static void Demand(ServerCallContext context, Caller caller, Grant grant)
    {
        if (!GrantRules.MayBind(caller.Grants, grant))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"The credential may not hand out '{grant}'."));
        }

        context.UserState[AuditInterceptor.TenantOverrideKey] = SingleTenant(grant) ?? "";
    }

    private static Grant? ParseGrant(Violations violations, string text)
    {
        var grant = Grant.Parse(text);
        if (grant is null)
        {
            violations.Add("grant", "is not a grant: role@tenants[#nodes][!permissions], e.g. branch-secretary@acme#b1");
        }
        else if (GrantRules.Problem(grant) is { } problem)
        {
            violations.Add("grant", problem);
        }

        return grant;
    }

    /// <summary>Platform admins list everything (or the tenant they name); others list the tenant they administer.</summary>
    private static string? ListingScope(Caller caller)
    {
        if (caller.Grants.Any(g => g.Role == Role.PlatformAdmin))
        {
            return caller.ActingTenant;
        }

        caller.Demand(Permission.AccessAdmin, caller.Tenant);
        return caller.Tenant;
    }

    /// <summary>One page of a short list held whole by the access grain, and the token of the next.</summary>
    private static (List<T> Page, string Next) OffsetPage<T>(IReadOnlyList<T> all, long after, int pageSize, string scope)
    {
        var page = all.Skip((int)Math.Min(after, int.MaxValue)).Take(pageSize).ToList();
        return (page, after + page.Count < all.Count ? PageToken.Encode(scope, after + page.Count) : "");
    }

    private static string? SingleTenant(Grant grant) => grant.Tenants is { Count: 1 } one ? one.First() : null;

    private static ApiKey Message(ApiKeyInfo key) => new()
    {
        KeyId = key.KeyId,
        Name = key.Name,
        Grant = key.Grant,
        CreateTime = Timestamp.FromDateTimeOffset(key.CreatedAt),
        CreatedBy = key.CreatedBy,
        ExpireTime = key.ExpiresAt is { } e ? Timestamp.FromDateTimeOffset(e) : null,
        RevokeTime = key.RevokedAt is { } v ? Timestamp.FromDateTimeOffset(v) : null,
    };
}
