namespace BranchLedger.Gateway.Security;

/// <summary>The gRPC services anyone may call without a credential: health and reflection. Every other method declares a permission.</summary>
internal static class OpenServices
{
    private static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        "grpc.health.v1.Health", "grpc.reflection.v1alpha.ServerReflection", "grpc.reflection.v1.ServerReflection",
    };

    /// <summary>Whether the method ("/package.Service/Method") belongs to an open service.</summary>
    public static bool Contains(string method) => Names.Contains(method.TrimStart('/').Split('/')[0]);
}
