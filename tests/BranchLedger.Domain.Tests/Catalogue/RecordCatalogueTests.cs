using System.Text.RegularExpressions;
using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Ledger.Catalogue;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Domain.Tests.Catalogue;

/// <summary>The catalogue is complete and consistent on its own; RecordCatalogueProtoTests hold it against the proto.</summary>
public partial class RecordCatalogueTests
{
    private static IEnumerable<FormField> AllFields => RecordCatalogue.Kinds.SelectMany(k => k.Fields);

    [Fact]
    public void Ids_presets_and_field_paths_are_unique()
    {
        Assert.Equal(RecordCatalogue.Kinds.Count, RecordCatalogue.Kinds.Select(k => k.Id).Distinct().Count());
        // Each older kind has its own RPC; kinds added through the catalogue share the generic AppendRecord.
        var own = RecordCatalogue.Kinds.Where(k => k.Rpc != RecordKindForm.GenericRpc).ToList();
        Assert.Equal(own.Count, own.Select(k => k.Rpc).Distinct().Count());
        Assert.All(RecordCatalogue.Kinds.Where(k => k.Rpc == RecordKindForm.GenericRpc), k => Assert.Equal("/v1/nodes/{node_id}/records", k.HttpPath));
        foreach (var kind in RecordCatalogue.Kinds)
        {
            Assert.Equal(kind.Fields.Count, kind.Fields.Select(f => f.JsonPath).Distinct().Count());
            Assert.All(kind.Fields, f => Assert.StartsWith(RecordCatalogue.JsonName(kind.BodyField) + ".", f.JsonPath, StringComparison.Ordinal));
            Assert.All(kind.Fields, f => Assert.StartsWith(kind.BodyField + ".", f.ViolationPath, StringComparison.Ordinal));
        }

        var presets = RecordCatalogue.Kinds.SelectMany(k => k.Presets).ToList();
        Assert.Equal(presets.Count, presets.Select(p => p.Id).Distinct().Count());
    }

    [Fact]
    public void Every_label_and_help_is_Chinese()
    {
        var texts = RecordCatalogue.Kinds.SelectMany(k => new[] { k.Label, k.Help }.Concat(k.Presets.Select(p => p.Label)))
            .Concat(AllFields.SelectMany(f => new[] { f.Label, f.Help }.Concat(f.Choices.Select(c => c.Label))));
        Assert.All(texts, text =>
        {
            Assert.Matches(Han(), text);
            Assert.DoesNotMatch(AsciiLetter(), text);
        });
    }

    [Fact]
    public void Choice_fields_have_choices_and_only_choice_fields_do()
    {
        Assert.All(AllFields, f => Assert.Equal(f.Rule.Type == FieldType.Choice, f.Choices.Count > 0));
        Assert.All(AllFields.SelectMany(f => f.Choices), c => Assert.DoesNotContain("UNSPECIFIED", c.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void Conditions_name_a_choice_field_of_the_same_form_and_its_values()
    {
        foreach (var kind in RecordCatalogue.Kinds)
        {
            foreach (var condition in kind.Fields.Select(f => f.ShownWhen).OfType<FormCondition>())
            {
                var controlling = kind.Field(condition.Field);
                Assert.NotNull(controlling);
                Assert.NotEmpty(condition.Values);
                Assert.All(condition.Values, v => Assert.Contains(v, controlling.Choices.Select(c => c.Value)));
            }
        }
    }

    [Fact]
    public void Lecturer_shows_for_party_and_special_lectures_and_persons_for_heart_to_heart_talks_only()
    {
        var meeting = RecordCatalogue.Find("meeting")!;
        // A special lecture (专题辅导) records its invited lecturer too: the report names them (邀请市委党校教授…).
        Assert.Equal(["MEETING_KIND_PARTY_LECTURE", "MEETING_KIND_SPECIAL_LECTURE"], meeting.Field("meeting.lecturer")!.ShownWhen!.Values);
        Assert.Equal(["MEETING_KIND_PARTY_LECTURE"], meeting.Field("meeting.lecturedBySecretary")!.ShownWhen!.Values);
        var talk = RecordCatalogue.Find("talk")!;
        Assert.Equal(["TALK_KIND_HEART_TO_HEART"], talk.Field("talk.personA")!.ShownWhen!.Values);
        Assert.Equal(["TALK_KIND_HEART_TO_HEART"], talk.Field("talk.personB")!.ShownWhen!.Values);
        Assert.DoesNotContain("TALK_KIND_HEART_TO_HEART", talk.Field("talk.people")!.ShownWhen!.Values);
    }

    [Fact]
    public void The_record_date_defaults_to_today_and_steps_name_their_target()
    {
        Assert.All(RecordCatalogue.Kinds, k => Assert.Equal(FormField.Today, k.Fields.Single(f => f.Rule == RecordFields.Date).Default));
        Assert.Equal(
            ["duty-status:dutyProgress.dutyId", "finding-progress:findingProgress.findingId", "finding-close:findingClosure.findingId", "finding-reopen:findingReopening.findingId"],
            RecordCatalogue.Kinds.Where(k => k.IsStep).Select(k => $"{k.Id}:{k.TargetField}"));
        Assert.All(RecordCatalogue.Kinds.Where(k => k.IsStep), k => Assert.NotNull(k.Field(k.TargetField!)));
    }

    [Fact]
    public void The_secretarys_recurring_records_are_presets()
    {
        var presets = RecordCatalogue.Kinds.SelectMany(k => k.Presets.Select(p => (k.Id, p.Label, p.Values))).ToList();
        Assert.Equal(["支委会", "党小组会", "主题党日", "党课", "支部党员大会", "谈心谈话"], presets.Select(p => p.Label));
        Assert.Contains(presets, p => p.Id == "talk" && p.Values["talk.kind"] == "TALK_KIND_HEART_TO_HEART");
        Assert.Contains(presets, p => p.Id == "meeting" && p.Values["meeting.kind"] == "MEETING_KIND_BRANCH_COMMITTEE_MEETING");
    }

    [Fact]
    public void The_limits_the_catalogue_publishes_are_the_ones_the_rules_apply()
    {
        var topic = RecordCatalogue.Find("meeting")!.Field("meeting.topic")!;
        Assert.Equal(RecordRules.MaxTitleLength, topic.Rule.MaxLength);
        var today = new DateOnly(2026, 5, 1);
        var found = MeetingRules.Check(new Violations(), "meeting.", MeetingKind.ThemeDay, today, new string('题', topic.Rule.MaxLength + 1), 1, 1, today);
        Assert.Equal([topic.ViolationPath], found.Items.Select(v => v.Field));
        var fits = MeetingRules.Check(new Violations(), "meeting.", MeetingKind.ThemeDay, today, new string('题', topic.Rule.MaxLength), 1, 1, today);
        Assert.True(fits.IsEmpty);
    }

    [Fact]
    public void Enum_names_and_json_names_follow_the_proto_conventions()
    {
        Assert.Equal("MEETING_KIND_BRANCH_COMMITTEE_MEETING", RecordCatalogue.ProtoName(MeetingKind.BranchCommitteeMeeting));
        Assert.Equal("expectedAttendees", RecordCatalogue.JsonName("expected_attendees"));
        Assert.Equal("personA", RecordCatalogue.JsonName("person_a"));
    }

    [GeneratedRegex("[A-Za-z]")]
    private static partial Regex AsciiLetter();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}
