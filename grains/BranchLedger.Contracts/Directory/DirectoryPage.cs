namespace BranchLedger.Contracts.Directory;

/// <summary>A page of a directory listing.</summary>
/// <typeparam name="T">What is listed.</typeparam>
/// <param name="Items">The items, in listing order.</param>
/// <param name="NextAfter">The position to continue after, or null at the end.</param>
[GenerateSerializer, Immutable, Alias("branchledger.DirectoryPage`1")]
public sealed record DirectoryPage<T>([property: Id(0)] IReadOnlyList<T> Items, [property: Id(1)] long? NextAfter);
