using System.Text.RegularExpressions;
using BranchLedger.Domain.Directory;
using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Ledger.Catalogue;

namespace BranchLedger.Domain.Tests.Catalogue;

/// <summary>
/// Kinds described by an entry of their own (Ledger/Catalogue/Kinds/): found by reflection, placed by their
/// order among the built-in kinds, and the one source of their labels, figure wording and report sentence.
/// </summary>
public sealed partial class KindEntryTests
{
    // The built-in kinds at 10, 20, … in this order; entries fall between them by their Order.
    private static readonly string[] BuiltIn =
    [
        "meeting", "talk", "quarterly-review", "community-service", "risk-point", "brand-project", "honour", "campaign",
        "self-assessment", "duty-item", "duty-status", "finding", "finding-progress", "finding-close", "finding-reopen",
    ];

    [Fact]
    public void Every_entry_of_the_domain_is_found_and_is_a_kind_of_the_catalogue_written_through_AppendRecord()
    {
        var entryTypes = typeof(RecordKindEntry).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(RecordKindEntry)) && !t.IsAbstract).ToList();

        Assert.Contains(typeof(ActivityEntry), entryTypes);
        Assert.Equal(entryTypes.Select(t => t.FullName).Order(StringComparer.Ordinal), RecordCatalogue.Entries.Select(e => e.GetType().FullName).Order(StringComparer.Ordinal));
        foreach (var entry in RecordCatalogue.Entries)
        {
            var form = Assert.Single(RecordCatalogue.Kinds, k => k.Id == entry.Id);
            Assert.Equal(RecordKindForm.GenericRpc, form.Rpc);
            Assert.Equal(entry.BodyField, form.BodyField);
            Assert.Equal(entry.Label, form.Label);
            Assert.Equal(entry.Fields.Select(f => (f.Rule, f.Label, f.Help)), form.Fields.Select(f => (f.Rule, f.Label, f.Help)));
            Assert.Same(entry.Report, form.Report);
            Assert.Equal(entry.Sentence, form.Sentence);
            Assert.Equal(entry.NodeLevels, form.NodeLevels);
        }
    }

    [Fact]
    public void Entries_sit_between_the_built_in_kinds_by_their_order_which_no_two_share()
    {
        var ids = RecordCatalogue.Kinds.Select(k => k.Id).ToList();
        Assert.Equal(BuiltIn, ids.Where(id => RecordCatalogue.Entries.All(e => e.Id != id)));
        Assert.Equal(BuiltIn.Length + RecordCatalogue.Entries.Count, ids.Count);

        var orders = RecordCatalogue.Entries.Select(e => e.Order).ToList();
        Assert.Equal(orders.Count, orders.Distinct().Count());
        Assert.All(orders, o => Assert.True(o % 10 != 0 || o > BuiltIn.Length * 10, $"order {o} is a built-in kind's"));

        // 主题活动 (95) is listed after 述职自评 (90) and before 责任清单 (100), where it was before it had an entry.
        Assert.Equal(ids.IndexOf("self-assessment") + 1, ids.IndexOf("activity"));
        Assert.Equal(ids.IndexOf("activity") + 1, ids.IndexOf("duty-item"));
    }

    [Fact]
    public void An_entrys_labels_reach_the_shared_labels_from_its_entry_alone()
    {
        var zh = RecordLabels.Zh;
        Assert.Equal("主题活动", zh.Sheets["activity"]);
        Assert.Equal("重温入党誓词", zh.Enum(ActivityKind.OathRenewal));
        Assert.Equal("其他", zh.Enum(ActivityKind.Other));
        Assert.Equal("参加人数", zh.Column("activity", "participants"));
        Assert.Equal("组织者", zh.Columns["organiser"]);
        // The built-in kinds' labels are still labels.zh.json's, and a family without an entry reads the shared column.
        Assert.Equal("会议学习", zh.Sheets["meeting"]);
        Assert.Equal("荣誉名称", zh.Column("honour", "title"));

        // One place per label: labels.zh.json no longer holds what an entry says.
        foreach (var entry in RecordCatalogue.Entries)
        {
            Assert.False(RecordLabels.Shared.Sheets.ContainsKey(entry.BodyField), $"labels.zh.json still names {entry.BodyField}");
            foreach (var choice in entry.Fields.SelectMany(f => f.Choices ?? []))
            {
                Assert.False(RecordLabels.Shared.Enums.ContainsKey($"{choice.Value.GetType().Name}.{choice.Value}"), $"labels.zh.json still labels {choice.Value}");
                Assert.Equal(choice.Label, zh.Enums[$"{choice.Value.GetType().Name}.{choice.Value}"]);
            }

            Assert.All(entry.Fields, f => Assert.Equal(f.Label, zh.Column(entry.BodyField, f.Rule.Name)));
        }
    }

    [Fact]
    public void An_entry_that_labels_a_sheet_or_a_choice_another_way_than_it_is_labelled_is_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => RecordLabels.Shared.With([new ClashingEntry()]));
        Assert.Contains("会议学习", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => new UnlabelledChoiceEntry());
    }

    [Fact]
    public void Every_reported_entry_words_its_figures_in_Chinese_and_its_sentence_uses_only_its_own_figures()
    {
        foreach (var entry in RecordCatalogue.Entries.Where(e => e.Report.Count > 0))
        {
            Assert.All(entry.Report, c =>
            {
                Assert.NotNull(c.Wording);
                // A figure that names its records (ReportCount.Names) may state the names instead of the number.
                Assert.Contains(c.Names is null || !c.Wording.Some.Contains("{names}", StringComparison.Ordinal) ? "{n}" : "{names}", c.Wording.Some, StringComparison.Ordinal);
                Assert.DoesNotMatch(Digit(), c.Wording.None);
                Assert.Matches(Han(), c.Wording.Label);
            });
            var sentence = Assert.IsType<ReportSentence>(entry.Sentence);
            Assert.Matches("^[a-z][a-z-]*$", sentence.Slot);
            Assert.Subset(entry.Report.Select(c => c.Key).ToHashSet(), Placeholder().Matches(sentence.Text).Select(m => m.Groups[1].Value).ToHashSet());
        }
    }

    [Fact]
    public void An_entry_may_hold_records_at_every_level_unless_it_narrows_them()
    {
        Assert.Equal([NodeKind.Organisation, NodeKind.GeneralBranch, NodeKind.Branch, NodeKind.SmallGroup], RecordCatalogue.Find("activity")!.NodeLevels);
        Assert.Equal(RecordKindEntry.AllLevels, RecordCatalogue.Find("meeting")!.NodeLevels);
    }

    // Names the meeting sheet 会议, which labels.zh.json calls 会议学习.
    private sealed class ClashingEntry : RecordKindEntry
    {
        public override int Order => 1;
        public override string Id => "clash";
        public override string BodyField => "meeting";
        public override string Label => "会议";
        public override string Help => "冲突。";
        public override IReadOnlyList<EntryField> Fields { get; } = [DateField("日期。")];
    }

    // Labels two of ActivityKind's five values.
    private sealed class UnlabelledChoiceEntry : RecordKindEntry
    {
        public override int Order => 2;
        public override string Id => "unlabelled";
        public override string BodyField => "unlabelled";
        public override string Label => "未标注";
        public override string Help => "缺少标签。";
        public override IReadOnlyList<EntryField> Fields { get; } =
        [
            Choice(ChoiceRule("kind"), "类型", "类型。", new Dictionary<ActivityKind, string> { [ActivityKind.OathRenewal] = "甲", [ActivityKind.Other] = "乙" }),
        ];
    }

    [GeneratedRegex(@"\{([a-z0-9.\-]+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("[0-9]")]
    private static partial Regex Digit();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}
