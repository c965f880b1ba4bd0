using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Reports;

namespace BranchLedger.Domain.Tests.Reports;

/// <summary>Small builders for hand-made report facts.</summary>
internal static class ReportTestFacts
{
    public const int Year = 2022;
    public const string Group = "party-group";
    public const string Office = "office-branch";
    public const string Service = "service-branch";

    public static DateOnly D(int year, int month, int day) => new(year, month, day);

    public static DateOnly InYear(int month = 6, int day = 15) => new(Year, month, day);

    public static MeetingFact Meeting(string node, long seq, MeetingKind kind, DateOnly? date = null, bool bySecretary = false) =>
        new(node, seq, kind, date ?? InYear(), bySecretary);

    public static TalkFact Talk(string node, long seq, TalkKind kind, int people, DateOnly? date = null) =>
        new(node, seq, kind, people, date ?? InYear());

    public static ReportFigure Figure(ReportFacts facts, string key, int year = Year) =>
        AnnualReportFigures.Compute(facts, year)[key];

    public static RecordRef R(string node, long seq) => new(node, seq);

    public static NodeValue N(string node, int value) => new(node, value);

    /// <summary>Asserts value, unit and sources in one go, so every test checks traceability too.</summary>
    public static void AssertFigure(ReportFigure figure, int value, string unit, params RecordRef[] sources)
    {
        Assert.Equal(value, figure.Value);
        Assert.Equal(unit, figure.Unit);
        Assert.Equal(sources, figure.Sources);
    }
}
