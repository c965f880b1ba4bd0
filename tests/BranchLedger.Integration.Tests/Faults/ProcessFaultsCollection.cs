namespace BranchLedger.Integration.Tests.Faults;

/// <summary>
/// The fault tests that start silo and gateway processes run one after the other: together they would
/// start five processes at once on a small machine and time each other out.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ProcessFaultsCollection
{
    public const string Name = "process faults";
}
