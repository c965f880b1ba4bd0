using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Contracts.Ledger;

/// <summary>What a record says; one subtype per family of record. Every record has a date and notes.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.RecordBody")]
public abstract record RecordBody
{
    /// <summary>The calendar day it happened (in the tenant's calendar).</summary>
    [Id(0)] public required DateOnly Date { get; init; }

    /// <summary>Notes or minutes; empty when none.</summary>
    [Id(1)] public string Notes { get; init; } = "";

    /// <summary>The family's name, as the API names the body field (meeting, talk, …).</summary>
    public abstract string Family { get; }

    /// <summary>Checks the body; field paths start with <paramref name="prefix"/> (e.g. <c>meeting.</c>).</summary>
    public Violations Check(Violations violations, string prefix, DateOnly today)
    {
        violations.Notes(prefix + "notes", Notes);
        CheckDetails(violations, prefix, today);
        return violations;
    }

    /// <summary>The family's own checks.</summary>
    protected abstract void CheckDetails(Violations violations, string prefix, DateOnly today);
}
