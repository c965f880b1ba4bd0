using BranchLedger.Domain.Ledger;

namespace BranchLedger.Contracts.Ledger;

/// <summary>A record's review state as the API shows it (derived by <see cref="Reviews.Of"/>).</summary>
/// <param name="State">Waiting, read, returned or answered.</param>
/// <param name="Reason">The latest review's reason.</param>
/// <param name="ReviewedBy">Who recorded the latest review (empty while waiting).</param>
/// <param name="ReviewedAt">When; null while waiting.</param>
/// <param name="ReviewSequence">The latest review entry; null while waiting.</param>
/// <param name="AnsweredBySequence">For an answered return, the correction that answered it.</param>
[GenerateSerializer, Immutable, Alias("branchledger.ReviewStanding")]
public sealed record ReviewStanding(
    [property: Id(0)] ReviewState State,
    [property: Id(1)] string Reason,
    [property: Id(2)] string ReviewedBy,
    [property: Id(3)] DateTimeOffset? ReviewedAt,
    [property: Id(4)] long? ReviewSequence,
    [property: Id(5)] long? AnsweredBySequence)
{
    /// <summary>The contract of the domain's standing.</summary>
    public static ReviewStanding Of(Reviews.Standing s) => new(s.State, s.Reason, s.ReviewedBy, s.ReviewedAt, s.ReviewSequence, s.AnsweredBy);
}

/// <summary>Which records a review queue lists.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.ReviewQueueQuery")]
public sealed record ReviewQueueQuery
{
    /// <summary>Which review states to list.</summary>
    [Id(0)] public ReviewQueueFilter Filter { get; init; }

    /// <summary>Only records of this calendar year (a sealed year is read from its archive); null: the live ledger.</summary>
    [Id(1)] public int? Year { get; init; }

    /// <summary>Continue after this sequence (0 for the start).</summary>
    [Id(2)] public long AfterSequence { get; init; }

    /// <summary>At most this many records.</summary>
    [Id(3)] public int PageSize { get; init; } = 50;
}

/// <summary>A record as it now reads, with its review state.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.ReviewedRecord")]
public sealed record ReviewedRecord(
    [property: Id(0)] RecordView Record,
    [property: Id(1)] ReviewStanding Review);

/// <summary>A page of a review queue in ledger order.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.ReviewQueuePage")]
public sealed record ReviewQueuePage(
    [property: Id(0)] IReadOnlyList<ReviewedRecord> Records,
    [property: Id(1)] long? NextAfterSequence);
