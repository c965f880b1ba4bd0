using BranchLedger.Contracts.Ledger;

namespace BranchLedger.Grains.Ledger;

/// <summary>What a ledger grain persists: its live records in ledger order, and what it sealed away.</summary>
[GenerateSerializer, Alias("branchledger.state.Ledger.v1")]
public sealed class LedgerState
{
    /// <summary>The live records, in sequence order; sealed ones have moved to their year's archive.</summary>
    [Id(0)] public List<LedgerRecord> Records { get; set; } = [];

    /// <summary>The highest sequence ever given (0 in states written before sealing existed: then the last record's).</summary>
    [Id(1)] public long LastSequence { get; set; }

    /// <summary>What each sealed year holds, so retries, lookups and listings know where to look.</summary>
    [Id(2)] public List<SealedYear> Sealed { get; set; } = [];

    /// <summary>Duty item ids whose whole workflow is sealed: never reused, never moved again.</summary>
    [Id(3)] public List<string> SealedDutyIds { get; set; } = [];

    /// <summary>Finding ids whose whole workflow is sealed.</summary>
    [Id(4)] public List<string> SealedFindingIds { get; set; } = [];

    /// <summary>Every seal asked for, for idempotency and audit.</summary>
    [Id(5)] public List<SealEvent> Seals { get; set; } = [];
}

/// <summary>
/// The index of one year's archive kept in the live state: sequences, and 64-bit hashes of request ids
/// (8 bytes a record instead of the record's ~400) so a retried write is recognised without loading it.
/// </summary>
[GenerateSerializer, Alias("branchledger.state.SealedYear.v1")]
public sealed class SealedYear
{
    /// <summary>The calendar year.</summary>
    [Id(0)] public int Year { get; set; }

    /// <summary>The archived sequences, ascending.</summary>
    [Id(1)] public List<long> Sequences { get; set; } = [];

    /// <summary><see cref="SealedIndex.Hash"/> of each archived request id, ascending.</summary>
    [Id(2)] public List<long> RequestIdHashes { get; set; } = [];
}

/// <summary>One seal as it was asked for and answered.</summary>
[GenerateSerializer, Alias("branchledger.state.SealEvent.v1")]
public sealed class SealEvent
{
    /// <summary>The request id.</summary>
    [Id(0)] public string RequestId { get; set; } = "";

    /// <summary>Who asked.</summary>
    [Id(1)] public string RequestedBy { get; set; } = "";

    /// <summary>When it was done.</summary>
    [Id(2)] public DateTimeOffset At { get; set; }

    /// <summary>What it answered.</summary>
    [Id(3)] public SealResult? Result { get; set; }
}
