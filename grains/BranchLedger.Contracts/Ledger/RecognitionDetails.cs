using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Ledger.Catalogue;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Contracts.Ledger;

/// <summary>A recognition (认可推广) of a named brand, mechanism or piece of work: how, by whom, in what words.</summary>
/// <remarks>Its catalogue entry is <see cref="RecognitionEntry"/>; this type holds only its shape and its rules.</remarks>
[GenerateSerializer, Immutable, Alias("branchledger.RecognitionDetails")]
public sealed record RecognitionDetails : RecordBody
{
    /// <summary>How it was recognised.</summary>
    [Id(0)] public required RecognitionKind Kind { get; init; }

    /// <summary>What was recognised.</summary>
    [Id(1)] public required string Subject { get; init; }

    /// <summary>Who recognised it.</summary>
    [Id(2)] public required string RecognisedBy { get; init; }

    /// <summary>What it was named or said; empty when not given.</summary>
    [Id(3)] public string Wording { get; init; } = "";

    /// <inheritdoc />
    public override string Family => "recognition";

    /// <inheritdoc />
    protected override void CheckDetails(Violations violations, string prefix, DateOnly today) => RecognitionEntry.Check(violations
        .Choice(prefix, RecognitionEntry.Kind, Kind)
        .Date(prefix + "date", Date, today)
        .Text(prefix, RecognitionEntry.Subject, Subject)
        .Text(prefix, RecognitionEntry.RecognisedBy, RecognisedBy)
        .Text(prefix, RecognitionEntry.Wording, Wording), prefix, Kind, Wording);
}
