using BranchLedger.Domain.Reports;

namespace BranchLedger.Reports.Tests;

/// <summary>Every figure of the domain is worded by the template, with a number when counted and without one when not.</summary>
public sealed class TemplateFigureTests
{
    private static readonly ReportTemplate Template = ReportTemplate.AnnualReportZh;

    // The constants and the keys the record catalogue's kinds declare.
    private static IEnumerable<string> AllKeys() => ReportFigureKeys.All;

    public static TheoryData<string> Keys() => new(AllKeys());

    // Every figure empty, except the one under test, which counted 7 from one record named 甲乙 (a figure that names its records).
    private static ReportFigures OnlyCounted(string key, int value = 7) => new(
        SampleFacts.Year,
        [.. AnnualReportFigures.Compute(ReportFacts.Empty, SampleFacts.Year).Figures
            .Select(f => f.Key == key ? f with { Value = value, Sources = [new RecordRef(SampleFacts.Group, 1)], Names = ["甲乙"] } : f)],
        []);

    [Theory]
    [MemberData(nameof(Keys))]
    public void A_counted_figure_is_stated_with_its_number(string key)
    {
        var figures = OnlyCounted(key);
        var phrase = AnnualReportComposer.Phrase(Template, figures, key);

        Assert.NotNull(phrase);
        // A figure worded by its records' names (the sample's 严格执行《…》, 成立…小组) states those names instead of its number,
        // which the appendix still gives; a phrase the template words without a count or names (the sample's 先后召开年轻干部座谈会)
        // is stated as written; every other figure states its number.
        var worded = Template.Figures[key];
        if (worded.Some.Contains("{n}", StringComparison.Ordinal))
        {
            Assert.Contains("7", phrase);
        }
        else if (worded.Some.Contains("{names}", StringComparison.Ordinal) || worded.Named is not null)
        {
            Assert.Contains("甲乙", phrase);
        }
        else
        {
            Assert.Equal(worded.Some, phrase);
        }

        Assert.Contains(phrase, SampleFacts.Body(SampleFacts.Compose(figures)));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void A_figure_with_no_records_says_so_and_states_no_number(string key)
    {
        var figures = AnnualReportFigures.Compute(ReportFacts.Empty, SampleFacts.Year);
        var none = Template.Figures[key].None;

        Assert.Equal(none, AnnualReportComposer.Phrase(Template, figures, key));
        Assert.DoesNotContain(none, c => char.IsAsciiDigit(c));
        Assert.Contains("暂无", none);
    }

    [Fact]
    public void With_no_records_at_all_the_body_states_no_number_but_the_year_and_the_branch_count()
    {
        var body = SampleFacts.Body(SampleFacts.Compose(AnnualReportFigures.Compute(ReportFacts.Empty, SampleFacts.Year)));
        var withoutKnown = body.Replace(SampleFacts.Year.ToString(), "", StringComparison.Ordinal).Replace("所属1个", "", StringComparison.Ordinal);

        Assert.DoesNotContain(withoutKnown, c => char.IsAsciiDigit(c));
    }

    [Fact]
    public void The_template_words_exactly_the_domains_figures()
    {
        var keys = AllKeys().ToHashSet();
        Assert.Equal(keys.Order(), Template.Figures.Keys.Order());
    }
}
