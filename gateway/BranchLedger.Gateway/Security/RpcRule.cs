using BranchLedger.Domain.Access;

namespace BranchLedger.Gateway.Security;

/// <summary>
/// What an RPC needs before its handler runs. <paramref name="HandlerChecks"/> marks RPCs whose
/// permission depends on the request (city or tenant scope, the grant being handed out); their
/// handlers call <see cref="Services.Caller.Demand"/> and the authorization matrix test covers them.
/// </summary>
internal sealed record RpcRule(Permission Permission, bool Mutation = false, bool HandlerChecks = false)
{
    public static readonly RpcRule Read = new(Permission.TenantRead);
    public static readonly RpcRule RecordWrite = new(Permission.RecordWrite, Mutation: true);
    public static readonly RpcRule DirectoryWrite = new(Permission.DirectoryWrite, Mutation: true);
    public static readonly RpcRule Authenticated = new(Permission.None);
    public static readonly RpcRule Scoped = new(Permission.None, HandlerChecks: true);
    public static readonly RpcRule ScopedWrite = new(Permission.None, Mutation: true, HandlerChecks: true);
}
