using BranchLedger.Domain.Ledger.Catalogue;
using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Contracts.Ledger;

/// <summary>A document issued (发文): a plan, rules, a list, a notice or another.</summary>
/// <remarks>
/// Its catalogue entry is <see cref="DocumentIssuedEntry"/> (fields, labels, report figures and sentence); mapping,
/// exports and report facts follow that entry by name, so this type holds only its shape and its rules.
/// </remarks>
[GenerateSerializer, Immutable, Alias("branchledger.DocumentIssuedDetails")]
public sealed record DocumentIssuedDetails : RecordBody
{
    /// <summary>What the document is.</summary>
    [Id(0)] public required DocumentKind Kind { get; init; }

    /// <summary>Its title.</summary>
    [Id(1)] public required string Title { get; init; }

    /// <summary>Who issued it; empty when not given.</summary>
    [Id(2)] public string Issuer { get; init; } = "";

    /// <inheritdoc />
    public override string Family => "document_issued";

    /// <inheritdoc />
    protected override void CheckDetails(Violations violations, string prefix, DateOnly today) => violations
        .Choice(prefix, DocumentIssuedEntry.Kind, Kind)
        .Date(prefix + "date", Date, today)
        .Text(prefix, DocumentIssuedEntry.DocumentTitle, Title)
        .Text(prefix, DocumentIssuedEntry.Issuer, Issuer);
}
