using System.Text;
using BranchLedger.RecordFiles;

namespace BranchLedger.Cli;

/// <summary>
/// Reads a records file (format in cli/examples/README.md) with the parser the gateway's upload route
/// uses (<see cref="RecordRows"/>): .csv, .xlsx (first sheet) or .json.
/// </summary>
internal static class RecordFile
{
    public static IReadOnlyList<RecordItem> Read(FileInfo file)
    {
        try
        {
            return file.Extension.ToLowerInvariant() switch
            {
                ".json" => RecordRows.FromJson(File.ReadAllText(file.FullName, Encoding.UTF8)),
                ".csv" => RecordRows.FromTable(TableReader.ReadCsv(file.FullName)),
                ".xlsx" => ReadXlsx(file),
                _ => throw new CliInputException($"{file.Name}: records are read from .csv, .xlsx or .json files"),
            };
        }
        catch (RecordFileException ex)
        {
            throw new CliInputException($"{file.Name}: {ex.Message}");
        }
    }

    private static IReadOnlyList<RecordItem> ReadXlsx(FileInfo file)
    {
        using var stream = file.OpenRead();
        return RecordRows.FromTable(TableReader.ReadXlsx(stream, file.Name));
    }
}
