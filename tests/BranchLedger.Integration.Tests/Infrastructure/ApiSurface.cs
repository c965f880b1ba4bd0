using System.Reflection;
using BranchLedger.Api.V1;
using Google.Protobuf.Reflection;

namespace BranchLedger.Integration.Tests.Infrastructure;

/// <summary>
/// Every service of the public API, read from the generated descriptors, so an RPC or a service added
/// to <c>protos/branchledger/v1</c> is fuzzed and put through the authorization matrix without touching the tests.
/// </summary>
public static class ApiSurface
{
    public const string Package = "branchledger.v1";

    public static IReadOnlyList<ServiceDescriptor> Services { get; } = typeof(LedgerService).Assembly.GetTypes()
        .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static))
        .Where(p => p?.PropertyType == typeof(FileDescriptor))
        .Select(p => (FileDescriptor)p!.GetValue(null)!)
        .Where(f => f.Package == Package)
        .SelectMany(f => f.Services)
        .OrderBy(s => s.FullName, StringComparer.Ordinal)
        .ToList();
}
