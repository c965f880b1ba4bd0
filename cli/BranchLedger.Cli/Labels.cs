using BranchLedger.Api.V1;
using BranchLedger.Reports;

namespace BranchLedger.Cli;

/// <summary>
/// The Chinese names people read, from the catalogue the reports and exports use (labels.zh.json):
/// record kinds and enum values in human output; <c>--json</c> keeps the API's names.
/// </summary>
internal static class Labels
{
    private static LedgerLabels Zh => LedgerLabels.Zh;

    /// <summary>An enum value's label (the API enums share the catalogue's type and value names); its own name when unlabelled.</summary>
    public static string Of<T>(T value) where T : struct, Enum => Zh.Of(value);

    /// <summary>A record's kind as the ledger export names its sheet: 会议学习, 谈话, 巡察问题 ….</summary>
    public static string KindOf(LedgerRecord record) =>
        LedgerRecord.Descriptor.FindFieldByNumber((int)record.BodyCase) is { } field ? Zh.Sheet(field.Name) : record.BodyCase.ToString();
}
