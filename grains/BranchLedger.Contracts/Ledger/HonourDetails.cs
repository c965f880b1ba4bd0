using BranchLedger.Domain.Ledger.Catalogue;
using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Contracts.Ledger;

/// <summary>An honour or role model (荣誉 / 先进典型) awarded to a person or a unit.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.HonourDetails")]
public sealed record HonourDetails : RecordBody
{
    /// <summary>The honour's title.</summary>
    [Id(0)] public required string Title { get; init; }

    /// <summary>Who received it (display name only).</summary>
    [Id(1)] public required string Recipient { get; init; }

    /// <summary>A person or a unit.</summary>
    [Id(2)] public required RecipientKind RecipientKind { get; init; }

    /// <summary>The awarding level.</summary>
    [Id(3)] public required RecognitionLevel Level { get; init; }

    /// <summary>Who awarded it.</summary>
    [Id(4)] public string AwardedBy { get; init; } = "";

    /// <inheritdoc />
    public override string Family => "honour";

    /// <inheritdoc />
    protected override void CheckDetails(Violations violations, string prefix, DateOnly today) => violations
        .Date(prefix + "date", Date, today)
        .Text(prefix, RecordFields.Honour.Title, Title)
        .Text(prefix, RecordFields.Honour.Recipient, Recipient)
        .Choice(prefix, RecordFields.Honour.RecipientKind, RecipientKind)
        .Choice(prefix, RecordFields.Honour.Level, Level)
        .Text(prefix, RecordFields.Honour.AwardedBy, AwardedBy);
}
