namespace BranchLedger.Api.V1;

/// <summary>A response of a file-streaming RPC: every message carries one chunk of the file.</summary>
public interface IFileChunkResponse
{
    /// <summary>The chunk this message carries.</summary>
    FileChunk Chunk { get; set; }
}

/// <summary>One chunk of an annual report.</summary>
public sealed partial class GenerateAnnualReportResponse : IFileChunkResponse;

/// <summary>One chunk of a ledger export.</summary>
public sealed partial class ExportLedgerResponse : IFileChunkResponse;

/// <summary>One chunk of a ranking export.</summary>
public sealed partial class ExportRankingsResponse : IFileChunkResponse;
