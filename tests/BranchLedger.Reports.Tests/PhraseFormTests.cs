using BranchLedger.Domain.Reports;

namespace BranchLedger.Reports.Tests;

/// <summary>
/// A figure's phrase forms: a count in Chinese numerals ({n:zh}: 我会一名干部…), a form without a count, and the "all"
/// form against a fixed whole (每季度 when the reviews cover all four quarters), named or not.
/// </summary>
public sealed class PhraseFormTests
{
    [Theory]
    [InlineData(0, "零")]
    [InlineData(1, "一")]
    [InlineData(7, "七")]
    [InlineData(10, "十")]
    [InlineData(12, "十二")]
    [InlineData(20, "二十")]
    [InlineData(45, "四十五")]
    [InlineData(100, "一百")]
    [InlineData(105, "一百零五")]
    [InlineData(110, "一百一十")]
    [InlineData(1005, "一千零五")]
    [InlineData(1050, "一千零五十")]
    [InlineData(9999, "九千九百九十九")]
    [InlineData(10000, "10000")]
    [InlineData(-1, "-1")]
    public void A_count_is_written_in_Chinese_numerals_up_to_9999(int value, string expected) =>
        Assert.Equal(expected, ChineseNumerals.Of(value));

    private static ReportFigures Figures(string key, int value, params string[] names) => new(
        2026,
        [.. AnnualReportFigures.Compute(ReportFacts.Empty, 2026).Figures
            .Select(f => f.Key == key ? f with { Value = value, Sources = [new RecordRef("g", 1)], Names = names } : f)],
        []);

    private static ReportTemplate With(string key, FigurePhrase phrase) => ReportTemplate.AnnualReportZh with
    {
        Figures = new Dictionary<string, FigurePhrase>(ReportTemplate.AnnualReportZh.Figures, StringComparer.Ordinal) { [key] = phrase },
    };

    [Fact]
    public void The_shipped_template_says_every_quarter_when_the_reviews_cover_all_four_and_names_the_mechanism()
    {
        var template = ReportTemplate.AnnualReportZh;
        const string key = ReportFigureKeys.QuartersReviewed;
        Assert.Equal("通过“四个一”工作机制，每季度听取一次党建工作汇报", AnnualReportComposer.Phrase(template, Figures(key, 4, "“四个一”工作机制"), key));
        Assert.Equal("每季度听取一次党建工作汇报", AnnualReportComposer.Phrase(template, Figures(key, 4), key));
        Assert.Equal("通过“四个一”工作机制，全年有3个季度听取党建工作汇报", AnnualReportComposer.Phrase(template, Figures(key, 3, "“四个一”工作机制"), key));
        Assert.Equal("全年有3个季度听取党建工作汇报", AnnualReportComposer.Phrase(template, Figures(key, 3), key));
    }

    [Fact]
    public void The_shipped_template_writes_one_honoured_cadre_in_words_and_the_symposia_and_talks_without_counts()
    {
        var template = ReportTemplate.AnnualReportZh;
        Assert.Equal("我会一名干部被评为全国“人民满意的公务员”",
            AnnualReportComposer.Phrase(template, Figures(ReportFigureKeys.HonoursIndividual, 1, "全国“人民满意的公务员”"), ReportFigureKeys.HonoursIndividual));
        Assert.Equal("先后召开年轻干部座谈会", AnnualReportComposer.Phrase(template, Figures(ReportFigureKeys.Symposiums, 2), ReportFigureKeys.Symposiums));
        Assert.Equal("定期开展谈心谈话、了解思想动态",
            AnnualReportComposer.Phrase(template, Figures(ReportFigureKeys.HeartToHeartTalks, 3), ReportFigureKeys.HeartToHeartTalks));
        Assert.Equal("结合审计整改、巡察整改",
            AnnualReportComposer.Phrase(template, Figures(ReportFigureKeys.FindingSources, 2, "审计整改", "巡察整改"), ReportFigureKeys.FindingSources));
    }

    [Fact]
    public void An_all_form_against_a_figure_still_compares_with_that_figure()
    {
        var template = With(ReportFigureKeys.MembersReporting, new FigurePhrase("报到", "{n}名报到", "暂无") { All = "{n:zh}名全部报到", AllOf = ReportFigureKeys.MembersRoster });
        var figures = Figures(ReportFigureKeys.MembersReporting, 12);
        Assert.Equal("12名报到", AnnualReportComposer.Phrase(template, figures, ReportFigureKeys.MembersReporting));
        var whole = new ReportFigures(2026, [.. figures.Figures.Select(f => f.Key == ReportFigureKeys.MembersRoster ? f with { Value = 12, Sources = [new RecordRef("g", 2)] } : f)], []);
        Assert.Equal("十二名全部报到", AnnualReportComposer.Phrase(template, whole, ReportFigureKeys.MembersReporting));
    }
}
