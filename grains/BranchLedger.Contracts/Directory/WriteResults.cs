namespace BranchLedger.Contracts.Directory;

/// <summary>The answer to a tenant-profile write: the tenant after it, and whether it was a retry.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.TenantWriteResult")]
public sealed record TenantWriteResult([property: Id(0)] TenantInfo Tenant, [property: Id(1)] bool Replayed);

/// <summary>The answer to a node write: the node right after that change, and whether it was a retry.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.NodeWriteResult")]
public sealed record NodeWriteResult([property: Id(0)] DirectoryNode Node, [property: Id(1)] bool Replayed);

/// <summary>The answer to a roster write: the roster entry, and whether it was a retry.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.RosterWriteResult")]
public sealed record RosterWriteResult([property: Id(0)] RosterEntry Roster, [property: Id(1)] bool Replayed);

/// <summary>The answer to an override-list write: the list as recorded, and whether it was a retry.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.ObligationOverridesWriteResult")]
public sealed record ObligationOverridesWriteResult([property: Id(0)] ObligationOverridesEntry Overrides, [property: Id(1)] bool Replayed);
