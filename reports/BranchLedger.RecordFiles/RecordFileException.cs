namespace BranchLedger.RecordFiles;

/// <summary>A file (or a cell) that cannot be read as the records format; the message says where and why.</summary>
public sealed class RecordFileException(string message) : FormatException(message);
