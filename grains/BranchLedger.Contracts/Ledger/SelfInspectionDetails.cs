using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Ledger.Catalogue;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Contracts.Ledger;

/// <summary>A self-inspection (自查自纠): topic, subject, the rules applied, scope, problems found and fixed.</summary>
/// <remarks>Its catalogue entry is <see cref="SelfInspectionEntry"/>; this type holds only its shape and its rules.</remarks>
[GenerateSerializer, Immutable, Alias("branchledger.SelfInspectionDetails")]
public sealed record SelfInspectionDetails : RecordBody
{
    /// <summary>Which topic.</summary>
    [Id(0)] public required SelfInspectionTopic Topic { get; init; }

    /// <summary>What was inspected, as the report names it.</summary>
    [Id(1)] public required string Subject { get; init; }

    /// <summary>The rules applied; empty when not given.</summary>
    [Id(2)] public string Basis { get; init; } = "";

    /// <summary>Who or what was covered; empty when not given.</summary>
    [Id(3)] public string Scope { get; init; } = "";

    /// <summary>Problems found.</summary>
    [Id(4)] public int ProblemsFound { get; init; }

    /// <summary>Problems fixed.</summary>
    [Id(5)] public int ProblemsFixed { get; init; }

    /// <inheritdoc />
    public override string Family => "self_inspection";

    /// <inheritdoc />
    protected override void CheckDetails(Violations violations, string prefix, DateOnly today) => SelfInspectionEntry.Check(violations
        .Choice(prefix, SelfInspectionEntry.Topic, Topic)
        .Date(prefix + "date", Date, today)
        .Text(prefix, SelfInspectionEntry.Subject, Subject)
        .Text(prefix, SelfInspectionEntry.Basis, Basis)
        .Text(prefix, SelfInspectionEntry.Scope, Scope)
        .Count(prefix, SelfInspectionEntry.ProblemsFound, ProblemsFound)
        .Count(prefix, SelfInspectionEntry.ProblemsFixed, ProblemsFixed), prefix, ProblemsFound, ProblemsFixed);
}
