using BranchLedger.Domain.Access;
using BranchLedger.Gateway.Services;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace BranchLedger.Gateway.Security;

/// <summary>
/// Decides <see cref="PermissionRequirement"/> and <see cref="DeclaredRequirement"/> with the Domain's
/// <see cref="AccessPolicy"/>. On an endpoint it establishes the <see cref="Caller"/> once (grants,
/// acting tenant, the tenant's read setting) and checks the permission in the acting tenant; on a
/// <see cref="NodeScope"/> it checks the nodes a request names against node-scoped grants. A refusal
/// carries the gRPC status the caller gets (<see cref="RefusalReason"/>).
/// </summary>
internal sealed class PermissionHandler(CallerAccess callers, ILogger<PermissionHandler> logger) : IAuthorizationHandler
{
    public async Task HandleAsync(AuthorizationHandlerContext context)
    {
        foreach (var requirement in context.PendingRequirements.ToList())
        {
            switch (requirement, context.Resource)
            {
                case (PermissionRequirement permission, NodeScope scope):
                    Nodes(context, permission, scope);
                    break;
                case (PermissionRequirement permission, HttpContext http):
                    await EndpointAsync(context, permission, http);
                    break;
                case (DeclaredRequirement declared, _):
                    Declared(context, declared);
                    break;
            }
        }
    }

    private async Task EndpointAsync(AuthorizationHandlerContext context, PermissionRequirement requirement, HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated != true)
        {
            return; // not succeeded, nothing failed: the middleware challenges (UNAUTHENTICATED)
        }

        try
        {
            var caller = await callers.EstablishAsync(http);
            if (caller.Grants.Count == 0)
            {
                Refuse(context, new Status(StatusCode.PermissionDenied, $"'{caller.Subject}' holds no role; ask an administrator to bind one."));
                return;
            }

            var tenant = AccessPolicy.IsTenantBound(requirement.Permission) ? caller.Tenant : null;
            if (!AccessPolicy.AllowsSomewhere(caller.Grants, requirement.Permission, tenant))
            {
                // A client error: counted by RefusalCounting, logged for debugging only.
                logger.LogDebug("Refused {Endpoint} to {Subject} ({Credential}) in tenant {Tenant}", http.GetEndpoint()?.DisplayName, caller.Subject, caller.Credential, tenant);
                Refuse(context, Caller.Denied(requirement.Permission, tenant).Status);
                return;
            }

            context.Succeed(requirement);
        }
        catch (RpcException refused)
        {
            // The credential names no subject, the tenant header is not one the credential reaches, bindings are unavailable.
            Refuse(context, refused.Status);
        }
    }

    private void Nodes(AuthorizationHandlerContext context, PermissionRequirement requirement, NodeScope scope)
    {
        var caller = scope.Caller;
        var permission = requirement.Permission;
        var tenant = AccessPolicy.IsTenantBound(permission) ? caller.ActingTenant : null;
        if (AccessPolicy.Allows(caller.Grants, permission, tenant, scope.Nodes, caller.NodeGrantsReadWholeTenant))
        {
            context.Succeed(requirement);
            return;
        }

        var nodes = string.Join(", ", scope.Nodes);
        Refuse(context, permission switch
        {
            Permission.RecordWrite when scope.Nodes.Count > 0 && AccessPolicy.AllowsSomewhere(caller.Grants, Permission.TenantRead, tenant) =>
                new Status(StatusCode.PermissionDenied, $"The credential may not write records of node(s) {nodes}."),
            Permission.TenantRead when scope.Nodes.Count > 0 =>
                new Status(StatusCode.PermissionDenied, $"The credential may not read node(s) {nodes}."),
            Permission.TenantRead when tenant is not null =>
                new Status(StatusCode.PermissionDenied,
                    $"The credential reads only node(s) {string.Join(", ", AccessPolicy.ReadableNodes(caller.Grants, tenant) ?? new SortedSet<string>())} of tenant '{tenant}'; name one of them."),
            _ => Caller.Denied(permission, tenant).Status,
        });
    }

    private void Declared(AuthorizationHandlerContext context, DeclaredRequirement requirement)
    {
        var method = (context.Resource as HttpContext)?.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method.FullName;
        if (method is null || OpenServices.Contains(method))
        {
            context.Succeed(requirement);
        }
        else if (context.User.Identity?.IsAuthenticated == true)
        {
            Refuse(context, new Status(StatusCode.PermissionDenied, $"{method} is not open to any credential."));
        }
    }

    private void Refuse(AuthorizationHandlerContext context, Status status) => context.Fail(new RefusalReason(this, status));
}
