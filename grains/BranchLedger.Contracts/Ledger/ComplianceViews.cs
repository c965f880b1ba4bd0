using BranchLedger.Domain.Obligations;
using BranchLedger.Domain.Warnings;

namespace BranchLedger.Contracts.Ledger;

/// <summary>One obligation in one period: required, counted, and the records that counted.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.ObligationRowView")]
public sealed record ObligationRowView(
    [property: Id(0)] string RuleId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Period,
    [property: Id(3)] ObligationStatus Status,
    [property: Id(4)] int Required,
    [property: Id(5)] int Counted,
    [property: Id(6)] int Raw,
    [property: Id(7)] IReadOnlyList<long> Sequences,
    [property: Id(8)] IReadOnlyList<long> QuorumFailures,
    [property: Id(9)] string Source);

/// <summary>A warning as the ledger derived it (missed obligation, quorum failure, overdue finding or duty).</summary>
[GenerateSerializer, Immutable, Alias("branchledger.WarningView")]
public sealed record WarningView(
    [property: Id(0)] WarningKind Kind,
    [property: Id(1)] string SubjectId,
    [property: Id(2)] string Period,
    [property: Id(3)] DateOnly? DueDate,
    [property: Id(4)] int DaysOverdue,
    [property: Id(5)] string Message,
    [property: Id(6)] long? Sequence);

/// <summary>A node's obligations over a period, as of a day, with the warnings they raise.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.ComplianceView")]
public sealed record ComplianceView(
    [property: Id(0)] string Period,
    [property: Id(1)] DateOnly Today,
    [property: Id(2)] IReadOnlyList<ObligationRowView> Rows,
    [property: Id(3)] IReadOnlyList<WarningView> Warnings);
