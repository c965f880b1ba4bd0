namespace BranchLedger.Bench;

/// <summary>Everything one run measured; written as JSON next to the Markdown report.</summary>
internal sealed record Results
{
    public required RunFacts Run { get; init; }
    public required Workload Workload { get; init; }
    public required Summary BaselineFloor { get; init; }
    public required IReadOnlyList<BucketResult> Buckets { get; init; }
    public required IReadOnlyList<WindowResult> Windows { get; init; }
    public required IReadOnlyList<SizeCheckpoint> Sizes { get; init; }
    public required IReadOnlyList<BatchResult> Batches { get; init; }
    public required IReadOnlyList<SerializerResult> Serializers { get; init; }
    public required IReadOnlyList<CpuCost> CpuCosts { get; init; }
    public required double GcPauseMsScenarioA { get; init; }
    public required SealMeasurement Seal { get; init; }
}

internal sealed record RunFacts(
    string StartedUtc,
    string Mode,
    int Records,
    int CompareAt,
    int Cores,
    double MemoryGiB,
    string Os,
    string Cpu,
    string Runtime,
    bool ServerGc,
    string Orleans,
    string Npgsql,
    string Postgres,
    string PostgresSettings,
    string LoadAverageStart,
    string LoadAverageEnd,
    double DurationSeconds,
    string Code);

internal sealed record Workload(int Meetings, int Talks, double AvgTopicChars, double AvgNotesChars, int WithEvidence, bool Evidence);

/// <summary>Single appends in one range of the ledger's growth, against the PostgreSQL baseline at the size reached.</summary>
internal sealed record BucketResult(
    int From, int To, Summary Latency, long PayloadBytes, long StoredBytes, Summary Baseline, double RatioMedian, double RatioP95,
    double OverheadMedianMs, long WalBytesPerAppend);

internal sealed record WindowResult(int From, int To, Summary Latency, long PayloadBytes, long StoredBytes, long WalBytesPerAppend);

internal sealed record SizeCheckpoint(int Records, long PayloadBytes, long StoredBytes, double BytesPerRecord, double StoredBytesPerRecord);

internal sealed record BatchResult(
    string Mode, int BatchSize, int Writes, double TotalSeconds, double RecordsPerSecond, Summary WriteLatency, double FirstWriteMs,
    double LastWriteMs, long PayloadBytes, double SpeedupVsSingle);

internal sealed record SerializerResult(
    string Serializer, string ResolvedType, int Records, long PayloadBytes, long StoredBytes, double BytesPerRecord,
    Summary LastWindow, Summary All, double SerializeMs, double DeserializeMs, string RoundTrip);

/// <summary>CPU inside one append at a given ledger length, measured in-process without I/O.</summary>
internal sealed record CpuCost(
    int Records, double BinarySerializeMs, double BinaryDeserializeMs, double JsonSerializeMs, double JsonDeserializeMs, double ProjectMs);
