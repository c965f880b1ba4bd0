using BranchLedger.Contracts.Directory;
using BranchLedger.Contracts.Errors;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Domain.Directory;
using static BranchLedger.Domain.Tests.LedgerAggregates.LedgerAggregateTests;

namespace BranchLedger.Domain.Tests.LedgerAggregates;

/// <summary>What the node-level tests share: a day to write on, a node of a level, and a refused write.</summary>
internal static class LevelCases
{
    public static readonly DateOnly Today = new(2026, 6, 15);
    public static readonly DateTimeOffset Now = new(2026, 6, 15, 2, 0, 0, TimeSpan.Zero);

    /// <summary>A branch node of another level.</summary>
    public static LedgerNode At(NodeKind level) => Branch() with { Kind = level };

    /// <summary>Asserts <paramref name="body"/> is refused at <paramref name="level"/> and nothing is recorded; returns the refusal.</summary>
    public static PreconditionFailedException Refused(NodeKind level, RecordBody body)
    {
        var ledger = NewLedger(At(level));
        var refused = Assert.Throws<PreconditionFailedException>(() => ledger.Decide(Command("r", body), Today, Now));
        Assert.Equal("RECORD_KIND_NOT_AT_NODE_LEVEL", refused.Type);
        Assert.Equal(0, ledger.LastSequence);
        return refused;
    }
}
