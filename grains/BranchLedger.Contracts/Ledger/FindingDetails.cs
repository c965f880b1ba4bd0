using BranchLedger.Domain.Ledger.Catalogue;
using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Validation;
using BranchLedger.Domain.Warnings;

namespace BranchLedger.Contracts.Ledger;

/// <summary>A record that moves an inspection finding along its remediation workflow.</summary>
public interface IFindingStep
{
    /// <summary>The step as the workflow rules see it.</summary>
    FindingWorkflow.Step Step { get; }
}

/// <summary>A finding raised by an inspection, with the measures, the people answering for it and its deadline.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.FindingDetails")]
public sealed record FindingDetails : RecordBody, IFindingStep
{
    /// <summary>The finding's id within the ledger (a slug).</summary>
    [Id(0)] public required string FindingId { get; init; }

    /// <summary>Where it came from, e.g. the inspection round.</summary>
    [Id(1)] public required string Source { get; init; }

    /// <summary>The finding.</summary>
    [Id(2)] public required string Finding { get; init; }

    /// <summary>The remediation measures.</summary>
    [Id(3)] public required IReadOnlyList<string> Measures { get; init; }

    /// <summary>Who carries out the remediation.</summary>
    [Id(4)] public required string ResponsiblePerson { get; init; }

    /// <summary>The leader answering for it.</summary>
    [Id(5)] public string ResponsibleLeader { get; init; } = "";

    /// <summary>立行立改, 限期整改 or 长期坚持.</summary>
    [Id(6)] public required RemediationType Type { get; init; }

    /// <summary>The deadline; none for ongoing remediation (长期坚持), which is never overdue.</summary>
    [Id(7)] public DateOnly? Deadline { get; init; }

    /// <inheritdoc />
    public override string Family => "finding";

    /// <inheritdoc />
    public FindingWorkflow.Step Step => new(FindingId, FindingWorkflow.FindingAction.Raise);

    /// <inheritdoc />
    public bool Equals(FindingDetails? other) =>
        other is not null && base.Equals(other) && FindingId == other.FindingId && Source == other.Source
        && Finding == other.Finding && Measures.SequenceEqual(other.Measures) && ResponsiblePerson == other.ResponsiblePerson
        && ResponsibleLeader == other.ResponsibleLeader && Type == other.Type && Deadline == other.Deadline;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), FindingId, Finding);

    /// <inheritdoc />
    protected override void CheckDetails(Violations violations, string prefix, DateOnly today)
    {
        violations
            .Text(prefix, RecordFields.Finding.FindingId, FindingId)
            .Date(prefix + "date", Date, today)
            .Text(prefix, RecordFields.Finding.Source, Source)
            .Text(prefix, RecordFields.Finding.Description, Finding)
            .Items(prefix, RecordFields.Finding.Measures, Measures)
            .Text(prefix, RecordFields.Finding.ResponsiblePerson, ResponsiblePerson)
            .Text(prefix, RecordFields.Finding.ResponsibleLeader, ResponsibleLeader)
            .Choice(prefix, RecordFields.Finding.Type, Type);
        if (Type == RemediationType.Ongoing && Deadline is not null)
        {
            violations.Add(prefix + "deadline", "ongoing remediation (长期坚持) has no deadline");
        }
        else if (Type is RemediationType.FixNow or RemediationType.ByDeadline)
        {
            if (Deadline is { } deadline)
            {
                violations.DueDate(prefix + "deadline", deadline, today);
            }
            else
            {
                violations.Add(prefix + "deadline", "is required for 立行立改 and 限期整改");
            }
        }
    }
}

/// <summary>A progress note on a finding's remediation.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.FindingProgressDetails")]
public sealed record FindingProgressDetails : RecordBody, IFindingStep
{
    /// <summary>The finding.</summary>
    [Id(0)] public required string FindingId { get; init; }

    /// <summary>What was done.</summary>
    [Id(1)] public required string Progress { get; init; }

    /// <inheritdoc />
    public override string Family => "finding_progress";

    /// <inheritdoc />
    public FindingWorkflow.Step Step => new(FindingId, FindingWorkflow.FindingAction.Progress);

    /// <inheritdoc />
    protected override void CheckDetails(Violations violations, string prefix, DateOnly today) => violations
        .Text(prefix, RecordFields.FindingStep.FindingId, FindingId)
        .Date(prefix + "date", Date, today)
        .Text(prefix, RecordFields.FindingStep.Progress, Progress);
}

/// <summary>A finding closed (销号) with a verifier's sign-off.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.FindingClosureDetails")]
public sealed record FindingClosureDetails : RecordBody, IFindingStep
{
    /// <summary>The finding.</summary>
    [Id(0)] public required string FindingId { get; init; }

    /// <summary>Who verified the remediation and signed it off (display name).</summary>
    [Id(1)] public required string Verifier { get; init; }

    /// <inheritdoc />
    public override string Family => "finding_closure";

    /// <inheritdoc />
    public FindingWorkflow.Step Step => new(FindingId, FindingWorkflow.FindingAction.Close);

    /// <inheritdoc />
    protected override void CheckDetails(Violations violations, string prefix, DateOnly today) => violations
        .Text(prefix, RecordFields.FindingStep.FindingId, FindingId)
        .Date(prefix + "date", Date, today)
        .Text(prefix, RecordFields.FindingStep.Verifier, Verifier);
}

/// <summary>A finding reopened by a re-check (回头看).</summary>
[GenerateSerializer, Immutable, Alias("branchledger.FindingReopeningDetails")]
public sealed record FindingReopeningDetails : RecordBody, IFindingStep
{
    /// <summary>The finding.</summary>
    [Id(0)] public required string FindingId { get; init; }

    /// <summary>What the re-check found.</summary>
    [Id(1)] public required string Reason { get; init; }

    /// <inheritdoc />
    public override string Family => "finding_reopening";

    /// <inheritdoc />
    public FindingWorkflow.Step Step => new(FindingId, FindingWorkflow.FindingAction.Reopen);

    /// <inheritdoc />
    protected override void CheckDetails(Violations violations, string prefix, DateOnly today) => violations
        .Text(prefix, RecordFields.FindingStep.FindingId, FindingId)
        .Date(prefix + "date", Date, today)
        .Text(prefix, RecordFields.FindingStep.Reason, Reason);
}
