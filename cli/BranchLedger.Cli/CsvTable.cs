global using CsvRow = BranchLedger.RecordFiles.CsvRow;
global using RecordItem = BranchLedger.RecordFiles.RecordItem;
using BranchLedger.RecordFiles;

namespace BranchLedger.Cli;

/// <summary>CSV files of the CLI (tenants, trees, records), read by the shared <see cref="TableReader"/>.</summary>
internal static class CsvTable
{
    public static IReadOnlyList<CsvRow> Read(string path)
    {
        try
        {
            return TableReader.ReadCsv(path);
        }
        catch (RecordFileException ex)
        {
            throw new CliInputException(ex.Message);
        }
    }
}
