using System.Text;
using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Reports;

namespace BranchLedger.Reports.Tests;

/// <summary>CSV and ledger tables, and the trace that lists every counted record.</summary>
public sealed class ExportTests
{
    private static readonly DateTimeOffset At = new(2022, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));

    private static LedgerRow Meeting(string id, string topic) => new("meeting", "机关党支部", id, new DateOnly(2022, 3, 1), "Active", "张三", At, "",
        [new("kind", LedgerLabels.Zh.Of(MeetingKind.PartyLecture)), new("topic", topic), new("attendees", 12)]);

    [Fact]
    public void Csv_starts_with_a_bom_quotes_what_needs_it_and_ends_lines_with_crlf()
    {
        using var stream = new MemoryStream();
        CsvWriter.Write(new ExportTable("t", ["单位", "内容"], [["党组", "a,b \"c\""], ["支部", null]]), stream);
        var bytes = stream.ToArray();

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal("单位,内容\r\n党组,\"a,b \"\"c\"\"\"\r\n支部,\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public void Ledger_rows_make_one_sheet_per_family_with_chinese_columns()
    {
        LedgerRow talk = new("talk", "党组", "rec-3", new DateOnly(2022, 4, 1), "Amended", "李四", At, "备注",
            [new("kind", LedgerLabels.Zh.Of(TalkKind.Integrity)), new("people", 5)]);
        var tables = LedgerTables.BySheet([Meeting("rec-1", "学习党章"), talk, Meeting("rec-2", "专题党课")], LedgerLabels.Zh).ToList();

        Assert.Equal(["会议学习", "谈话"], tables.Select(t => t.Name));
        Assert.Equal(["单位", "记录编号", "日期", "类型", "主题", "实到人数", "备注", "记录状态", "登记人", "登记时间"], tables[0].Headers);
        Assert.Equal(["机关党支部", "rec-1", "2022-03-01", "党课", "学习党章", 12, "", "现行", "张三", "2022-03-01 09:00:00 +08:00"], tables[0].Rows.First());
        Assert.Equal("已更正", tables[1].Rows.Single()[6]);
    }

    [Fact]
    public void The_combined_ledger_table_names_the_family_and_joins_its_fields()
    {
        var table = LedgerTables.Combined([Meeting("rec-1", "学习党章")], LedgerLabels.Zh);

        Assert.Equal(["单位", "类型", "记录编号", "日期", "内容", "备注", "记录状态", "登记人", "登记时间"], table.Headers);
        Assert.Equal("类型：党课；主题：学习党章；实到人数：12", table.Rows.Single()[4]);
        Assert.Equal("会议学习", table.Rows.Single()[1]);
    }

    [Fact]
    public void The_trace_and_the_appendix_list_every_counted_record()
    {
        var facts = new SampleFacts().Meetings(MeetingKind.TheoryStudyGroup, 2).Facts;
        var records = facts.Meetings.ToDictionary(m => new RecordRef(m.NodeId, m.Sequence), m => new TraceRecord(m.Date, "meeting", $"第{m.Sequence}次学习"));
        var figures = AnnualReportFigures.Compute(facts, SampleFacts.Year);
        var context = SampleFacts.Context(records);

        var trace = ReportTrace.Rows(ReportTemplate.AnnualReportZh, figures, context, ReportFigureKeys.TheoryStudySessions).ToList();
        Assert.Equal(["rec-1", "rec-2"], trace.Select(t => t.RecordId));
        Assert.All(trace, t => Assert.Equal("市残联党组", t.NodeName));
        Assert.Equal("第2次学习", trace[1].Summary);

        var markdown = SampleFacts.Markdown(SampleFacts.Compose(figures, context));
        var appendix = markdown[markdown.IndexOf("附：数据来源", StringComparison.Ordinal)..];
        Assert.Contains("党组理论中心组学习：2次", appendix);
        Assert.Contains("| 市残联党组 | rec-1 | 2022-01-04 | 会议学习 | 第1次学习 |", appendix);
        Assert.Contains("党组会：暂无记录", appendix);
    }
}
