namespace BranchLedger.Domain.Reports;

/// <summary>One node's share of a figure.</summary>
/// <param name="NodeId">The organisation or branch.</param>
/// <param name="Value">What it contributed.</param>
public sealed record NodeValue(string NodeId, int Value);
