using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Validation;
using BranchLedger.Domain.Warnings;
using static BranchLedger.Domain.Ledger.FindingWorkflow;

namespace BranchLedger.Domain.Tests;

public class LedgerWorkflowTests
{
    private static Corrections.Entry Original(long s, string family = "meeting") => new(s, null, false, family);

    private static Corrections.Entry Fix(long s, long target, bool voids, string family = "correction") => new(s, target, voids, family);

    [Fact]
    public void Amendments_replace_and_a_void_ends_the_record()
    {
        var states = Corrections.Project([Original(1), Original(2), Fix(3, 1, voids: false), Fix(4, 1, voids: false), Fix(5, 2, voids: true)]);

        Assert.Equal(new Corrections.State(false, 4), states[1]);
        Assert.True(states[2].Voided);
        Assert.False(states.ContainsKey(3));
    }

    [Fact]
    public void A_record_and_its_corrections_alone_give_the_state_and_refusals_the_whole_ledger_gives()
    {
        Corrections.Entry[] ledger = [Original(1), Original(2, "talk"), Fix(3, 1, voids: false), Original(4), Fix(5, 2, voids: true), Fix(6, 1, voids: false)];
        var whole = Corrections.Project(ledger);
        foreach (var target in new long[] { 1, 2, 4 })
        {
            var own = ledger.Where(e => e.Sequence == target || e.Target == target).ToDictionary(e => e.Sequence);

            Assert.Equal(whole[target], Corrections.Project(own.Values)[target]);
            Assert.Equal(Corrections.Refusal(ledger.ToDictionary(e => e.Sequence), target, voids: false, "meeting"), Corrections.Refusal(own, target, voids: false, "meeting"));
        }
    }

    [Fact]
    public void Corrections_are_refused_for_missing_void_or_correction_targets_and_for_another_kind()
    {
        var entries = new[] { Original(1), Original(2, "talk"), Fix(3, 1, voids: true) }.ToDictionary(e => e.Sequence);

        Assert.Equal("no record with that id", Corrections.Refusal(entries, 9, voids: true, ""));
        Assert.Equal("the record is already void", Corrections.Refusal(entries, 1, voids: true, ""));
        Assert.Contains("cannot itself be corrected", Corrections.Refusal(entries, 3, voids: true, ""));
        Assert.Contains("keep the record's kind", Corrections.Refusal(entries, 2, voids: false, "meeting"));
        Assert.Null(Corrections.Refusal(entries, 2, voids: false, "talk"));
        Assert.Null(Corrections.Refusal(entries, 2, voids: true, ""));
    }

    [Fact]
    public void Duty_items_move_forward_and_are_verified_only_when_done()
    {
        var duties = DutyWorkflow.Project([new("d1", null), new("d1", DutyStatus.InProgress), new("d2", null), new("d2", DutyStatus.Done)]);

        Assert.Equal(DutyStatus.InProgress, duties["d1"]);
        Assert.Equal(DutyStatus.Done, duties["d2"]);
        Assert.Contains("already listed", DutyWorkflow.Refusal(duties, new("d1", null)));
        Assert.Contains("no duty item", DutyWorkflow.Refusal(duties, new("d9", DutyStatus.Done)));
        Assert.Contains("only a done duty item", DutyWorkflow.Refusal(duties, new("d1", DutyStatus.Verified)));
        Assert.Contains("already", DutyWorkflow.Refusal(duties, new("d2", DutyStatus.InProgress)));
        Assert.Contains("back to planned", DutyWorkflow.Refusal(duties, new("d1", DutyStatus.Planned)));
        Assert.Null(DutyWorkflow.Refusal(duties, new("d2", DutyStatus.Verified)));
        Assert.Null(DutyWorkflow.Refusal(duties, new("d1", DutyStatus.Done)));
    }

    [Fact]
    public void A_projection_ignores_steps_the_rules_refuse()
    {
        var duties = DutyWorkflow.Project([new("d1", null), new("d1", DutyStatus.Verified)]);
        Assert.Equal(DutyStatus.Planned, duties["d1"]);
    }

    [Fact]
    public void Findings_close_once_take_no_progress_when_closed_and_reopen_after_a_recheck()
    {
        var findings = Project([new("f1", FindingAction.Raise), new("f1", FindingAction.Progress), new("f1", FindingAction.Close)]);

        Assert.True(findings["f1"]);
        Assert.Contains("reopen it", Refusal(findings, new("f1", FindingAction.Progress)));
        Assert.Contains("already closed", Refusal(findings, new("f1", FindingAction.Close)));
        Assert.Contains("no finding", Refusal(findings, new("f2", FindingAction.Close)));
        Assert.Contains("already raised", Refusal(findings, new("f1", FindingAction.Raise)));
        Assert.Null(Refusal(findings, new("f1", FindingAction.Reopen)));

        var reopened = Project([new("f1", FindingAction.Raise), new("f1", FindingAction.Close), new("f1", FindingAction.Reopen)]);
        Assert.False(reopened["f1"]);
        Assert.Contains("is open", Refusal(reopened, new("f1", FindingAction.Reopen)));
    }

    [Fact]
    public void Heart_to_heart_talks_name_two_different_people_and_other_talks_count_people()
    {
        var today = new DateOnly(2026, 6, 1);
        IEnumerable<string> Fields(TalkKind kind, int people, string a, string b) =>
            TalkRules.Check(new Violations(), "", kind, today, "谈话", people, a, b, today).Items.Select(v => v.Field);

        Assert.Empty(Fields(TalkKind.HeartToHeart, 0, "张三", "李四"));
        Assert.Equal(["person_b"], Fields(TalkKind.HeartToHeart, 0, "张三", " 张三 "));
        Assert.Equal(["person_a", "person_b"], Fields(TalkKind.HeartToHeart, 0, "", ""));
        Assert.Equal(["people"], Fields(TalkKind.Integrity, 0, "", ""));
        Assert.Empty(Fields(TalkKind.Group, 25, "", ""));
    }

    [Theory]
    [InlineData("https://oa.example/f.pdf", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "application/pdf", "")]
    [InlineData("relative/f.pdf", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "application/pdf", "uri")]
    [InlineData("https://oa.example/f.pdf", "", "application/pdf", "sha256")]
    [InlineData("https://oa.example/f.pdf", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "application/pdf", "sha256")]
    [InlineData("https://oa.example/f.pdf", "aaaa", "application/pdf", "sha256")]
    [InlineData("https://oa.example/f.pdf", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "pdf", "media_type")]
    public void Evidence_needs_an_absolute_uri_a_sha256_and_a_media_type(string uri, string sha, string media, string field)
    {
        var found = new Violations().Evidence("", uri, sha, media).Items.Select(v => v.Field);
        Assert.Equal(field.Length == 0 ? [] : [field], found);
    }

    [Fact]
    public void A_finding_is_closed_only_by_someone_who_neither_raised_nor_remediated_it()
    {
        var involved = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        Involve(involved, new("f1", FindingAction.Raise), "secretary-a");
        Involve(involved, new("f1", FindingAction.Progress), "member-c");
        Involve(involved, new("f1", FindingAction.Close), "verifier-b");
        var findings = Project([new("f1", FindingAction.Raise), new("f1", FindingAction.Progress)]);
        var close = new Step("f1", FindingAction.Close);

        Assert.Equal(["member-c", "secretary-a"], involved["f1"].Order(StringComparer.Ordinal));
        Assert.Contains("另一人核查", Refusal(findings, close, "secretary-a", involved["f1"]), StringComparison.Ordinal);
        Assert.Contains("member-c", Refusal(findings, close, "member-c", involved["f1"]), StringComparison.Ordinal);
        Assert.Null(Refusal(findings, close, "verifier-b", involved["f1"]));

        // The four-eyes rule is for closing only; the workflow's own refusals still come first.
        Assert.Null(Refusal(findings, new("f1", FindingAction.Progress), "secretary-a", involved["f1"]));
        Assert.Contains("no finding", Refusal(findings, new("f2", FindingAction.Close), "verifier-b", []), StringComparison.Ordinal);
    }
}
