using BranchLedger.Domain.Ledger.Catalogue;
using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Validation;
using BranchLedger.Domain.Warnings;

namespace BranchLedger.Contracts.Ledger;

/// <summary>A record that moves a duty item (责任清单) along its workflow.</summary>
public interface IDutyStep
{
    /// <summary>The step as the workflow rules see it.</summary>
    DutyWorkflow.Step Step { get; }
}

/// <summary>A duty listed on the duty list: who answers for it, by when.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.DutyItemDetails")]
public sealed record DutyItemDetails : RecordBody, IDutyStep
{
    /// <summary>The duty item's id within the ledger (a slug).</summary>
    [Id(0)] public required string DutyId { get; init; }

    /// <summary>The duty.</summary>
    [Id(1)] public required string Duty { get; init; }

    /// <summary>The body, the secretary as first responsible, or members' dual duty.</summary>
    [Id(2)] public required ActorClass Actor { get; init; }

    /// <summary>Who answers for it (display name).</summary>
    [Id(3)] public required string Owner { get; init; }

    /// <summary>When it is due.</summary>
    [Id(4)] public required DateOnly Due { get; init; }

    /// <inheritdoc />
    public override string Family => "duty_item";

    /// <inheritdoc />
    public DutyWorkflow.Step Step => new(DutyId, null);

    /// <inheritdoc />
    protected override void CheckDetails(Violations violations, string prefix, DateOnly today) => violations
        .Text(prefix, RecordFields.DutyItem.DutyId, DutyId)
        .Date(prefix + "date", Date, today)
        .Text(prefix, RecordFields.DutyItem.Duty, Duty)
        .Choice(prefix, RecordFields.DutyItem.Actor, Actor)
        .Text(prefix, RecordFields.DutyItem.Owner, Owner)
        .DueDate(prefix + RecordFields.DutyItem.Due.Name, Due, today);
}

/// <summary>A duty item moving to a new status (in progress, done, verified).</summary>
[GenerateSerializer, Immutable, Alias("branchledger.DutyProgressDetails")]
public sealed record DutyProgressDetails : RecordBody, IDutyStep
{
    /// <summary>The duty item.</summary>
    [Id(0)] public required string DutyId { get; init; }

    /// <summary>Its new status.</summary>
    [Id(1)] public required DutyStatus Status { get; init; }

    /// <summary>Who verified it (required for Verified).</summary>
    [Id(2)] public string Verifier { get; init; } = "";

    /// <inheritdoc />
    public override string Family => "duty_progress";

    /// <inheritdoc />
    public DutyWorkflow.Step Step => new(DutyId, Status);

    /// <inheritdoc />
    protected override void CheckDetails(Violations violations, string prefix, DateOnly today)
    {
        violations
            .Text(prefix, RecordFields.DutyProgress.DutyId, DutyId)
            .Date(prefix + "date", Date, today)
            .Choice(prefix, RecordFields.DutyProgress.Status, Status)
            .Text(prefix, RecordFields.DutyProgress.Verifier, Verifier, required: Status == DutyStatus.Verified);
    }
}
