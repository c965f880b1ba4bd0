using BranchLedger.Contracts.Directory;
using BranchLedger.Contracts.Errors;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Domain.Directory;
using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Warnings;
using BranchLedger.Ledger;
using LedgerAggregate = BranchLedger.Ledger.Ledger;

namespace BranchLedger.Domain.Tests.LedgerAggregates;

// The Ledger aggregate without a cluster: every rule a write passes, judged in memory.
public sealed class LedgerAggregateTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 2, 0, 0, TimeSpan.Zero);

    internal static LedgerNode Branch(int members = 10, int committee = 3, bool closed = false, AttendanceRecording attendance = AttendanceRecording.CountsOnly) => new()
    {
        NodeId = "b1",
        Kind = NodeKind.Branch,
        TimeZone = "Asia/Shanghai",
        IsClosed = closed,
        AttendanceRecording = attendance,
        Rosters = [new RosterFigures { EffectiveFrom = new DateOnly(2020, 1, 1), Members = members, VotingMembers = members, CommitteeMembers = committee }],
    };

    internal static LedgerAggregate NewLedger(LedgerNode? node = null, ClosedBooks? closed = null, IEnumerable<LedgerRecord>? records = null, long lastSequence = 0) =>
        new("b1", records ?? [], lastSequence, closed, node ?? Branch());

    internal static MeetingDetails Meeting(DateOnly? date = null, int attendees = 8, MeetingKind kind = MeetingKind.BranchGeneralMeeting, string topic = "学习党章") => new()
    {
        Date = date ?? new DateOnly(2026, 6, 1),
        Kind = kind,
        Topic = topic,
        Attendees = attendees,
        ExpectedAttendees = 0,
    };

    internal static AppendCommand Command(string requestId, RecordBody body, string by = "secretary") =>
        new() { RequestId = requestId, RecordedBy = by, Body = body };

    // Decides and, as the grain does once the write is durable, applies.
    internal static LedgerRecord Write(LedgerAggregate ledger, AppendCommand command)
    {
        var decision = ledger.Decide(command, Today, Now);
        if (!decision.Replayed)
        {
            ledger.Apply([decision.Record]);
        }

        return decision.Record;
    }

    private static DutyItemDetails Duty(string id) => new()
    {
        Date = new DateOnly(2026, 3, 1), DutyId = id, Duty = "落实三会一课", Actor = ActorClass.Body, Owner = "张三", Due = new DateOnly(2026, 9, 30),
    };

    private static DutyProgressDetails Step(string id, DutyStatus status, string verifier = "") =>
        new() { Date = new DateOnly(2026, 4, 1), DutyId = id, Status = status, Verifier = verifier };

    private static FindingDetails Finding(string id) => new()
    {
        Date = new DateOnly(2026, 2, 1), FindingId = id, Source = "巡察", Finding = "记录不全", Measures = ["补齐记录"], ResponsiblePerson = "李四",
        Type = RemediationType.FixNow, Deadline = new DateOnly(2026, 8, 1),
    };

    private static CorrectionDetails Amend(long target, RecordBody replacement) => new()
    {
        Date = new DateOnly(2026, 6, 2), TargetSequence = target, Reason = "录入错误", Replacement = replacement,
    };

    private static CorrectionDetails Void(long target) => new() { Date = new DateOnly(2026, 6, 2), TargetSequence = target, Reason = "重复录入" };

    private static ReviewDetails Review(long target, ReviewVerdict verdict = ReviewVerdict.Read) =>
        new() { Date = new DateOnly(2026, 6, 3), TargetSequence = target, Verdict = verdict, Reason = verdict == ReviewVerdict.Returned ? "请补充" : "" };

    private static PreconditionFailedException Refused(LedgerAggregate ledger, AppendCommand command) =>
        Assert.Throws<PreconditionFailedException>(() => ledger.Decide(command, Today, Now));

    [Fact]
    public void A_new_record_takes_the_next_sequence_and_the_ledger_changes_only_when_it_is_applied()
    {
        var ledger = NewLedger(lastSequence: 41);

        var first = ledger.Decide(Command("r1", Meeting()), Today, Now);
        var again = ledger.Decide(Command("r1", Meeting()), Today, Now);

        Assert.False(first.Replayed);
        Assert.Equal(42, first.Record.Sequence);
        Assert.Equal(Now, first.Record.RecordedAt);
        Assert.False(again.Replayed);
        Assert.Empty(ledger.Records);

        ledger.Apply([first.Record]);
        Assert.Equal(42, ledger.LastSequence);
        Assert.Same(first.Record, ledger.Book.ByRequestId("r1"));
    }

    [Fact]
    public void A_retry_with_the_same_request_id_and_content_is_answered_with_the_first_record()
    {
        var ledger = NewLedger();
        var written = Write(ledger, Command("r1", Meeting()));

        var retry = ledger.Decide(Command("r1", Meeting()), Today, Now.AddMinutes(5));

        Assert.True(retry.Replayed);
        Assert.Same(written, retry.Record);
        Assert.Single(ledger.Records);
    }

    [Fact]
    public void A_request_id_reused_for_other_content_is_refused()
    {
        var ledger = NewLedger();
        Write(ledger, Command("r1", Meeting()));

        Assert.Throws<RequestIdConflictException>(() => ledger.Decide(Command("r1", Meeting(topic: "另一个议题")), Today, Now));
        Assert.Throws<RequestIdConflictException>(() => ledger.Decide(Command("r1", Meeting(), by: "someone-else"), Today, Now));
    }

    [Fact]
    public void A_retry_of_a_record_sealed_away_is_answered_from_what_storage_found()
    {
        var ledger = NewLedger(lastSequence: 7);
        var archived = new LedgerRecord { Sequence = 3, RequestId = "old", RecordedBy = "secretary", RecordedAt = Now.AddYears(-1), Body = Meeting(new DateOnly(2025, 5, 1)) };

        var retry = ledger.Decide(Command("old", Meeting(new DateOnly(2025, 5, 1))), Today, Now, id => id == "old" ? archived : null);

        Assert.True(retry.Replayed);
        Assert.Same(archived, retry.Record);
    }

    [Fact]
    public void Records_applied_out_of_order_or_twice_are_refused()
    {
        var ledger = NewLedger();
        var record = Write(ledger, Command("r1", Meeting()));

        Assert.Throws<InvalidOperationException>(() => ledger.Apply([record]));
    }

    [Fact]
    public void Invalid_commands_are_refused_with_the_tenant_calendars_today()
    {
        var ledger = NewLedger();

        // The edge checks the shape only; the date is judged here, once, by the tenant's calendar
        // (with one day of slack for callers a time zone ahead).
        var dayAfterTomorrow = Command("r1", Meeting(Today.AddDays(2)));
        Assert.True(CommandChecks.CheckShape(dayAfterTomorrow).IsEmpty);
        var future = Assert.Throws<InvalidCommandException>(() => ledger.Decide(dayAfterTomorrow, Today, Now));
        Assert.Equal("meeting.date", Assert.Single(future.Errors).Field);
        Assert.False(ledger.Decide(dayAfterTomorrow, Today.AddDays(1), Now).Replayed);

        var badId = Assert.Throws<InvalidCommandException>(() => ledger.Decide(Command("bad id!", Meeting()), Today, Now));
        Assert.Contains(badId.Errors, e => e.Field == FieldPaths.RequestId);
    }

    [Fact]
    public void A_meeting_cannot_have_more_members_than_the_roster_in_force_on_its_day()
    {
        var ledger = NewLedger(Branch(members: 10, committee: 3));

        var tooMany = Assert.Throws<InvalidCommandException>(() => ledger.Decide(Command("r1", Meeting(attendees: 11)), Today, Now));
        Assert.Equal(FieldPaths.MeetingAttendees, Assert.Single(tooMany.Errors).Field);

        var committee = Assert.Throws<InvalidCommandException>(
            () => ledger.Decide(Command("r2", Meeting(attendees: 4, kind: MeetingKind.BranchCommitteeMeeting)), Today, Now));
        Assert.Equal(FieldPaths.MeetingAttendees, Assert.Single(committee.Errors).Field);

        var absences = Meeting(attendees: 9) with { Absences = [new AbsenceEntry { Reason = AbsenceReason.OfficialDuty }, new AbsenceEntry { Reason = AbsenceReason.OfficialDuty }] };
        var withAbsent = Assert.Throws<InvalidCommandException>(() => ledger.Decide(Command("r3", absences), Today, Now));
        Assert.Equal(FieldPaths.MeetingAbsences, Assert.Single(withAbsent.Errors).Field);

        Assert.False(ledger.Decide(Command("r4", Meeting(attendees: 10)), Today, Now).Replayed);

        // Lectures may have guests: no roster limit.
        Assert.False(ledger.Decide(Command("r5", Meeting(attendees: 40, kind: MeetingKind.PartyLecture)), Today, Now).Replayed);
    }

    [Fact]
    public void Attendance_names_are_dropped_unless_the_tenant_keeps_them_also_in_a_replay_and_an_amendment()
    {
        var named = Meeting(attendees: 2) with
        {
            AttendeeNames = ["王五", "赵六"],
            Absences = [new AbsenceEntry { Reason = AbsenceReason.OfficialDuty, Name = "钱七" }],
        };
        var counts = NewLedger();

        var record = Write(counts, Command("r1", named));
        var body = Assert.IsType<MeetingDetails>(record.Body);
        Assert.Empty(body.AttendeeNames);
        Assert.Equal("", Assert.Single(body.Absences).Name);
        Assert.True(counts.Decide(Command("r1", named), Today, Now).Replayed);

        var amended = Write(counts, Command("r2", Amend(record.Sequence, named with { Topic = "学习党章（修订）" })));
        Assert.False(Assert.IsType<MeetingDetails>(Assert.IsType<CorrectionDetails>(amended.Body).Replacement).HasAttendanceNames);

        var names = NewLedger(Branch(attendance: AttendanceRecording.Names));
        Assert.Equal(["王五", "赵六"], Assert.IsType<MeetingDetails>(Write(names, Command("r1", named)).Body).AttendeeNames);
    }

    [Fact]
    public void A_closed_node_takes_no_new_records_but_still_answers_retries_and_an_unknown_node_is_not_found()
    {
        var ledger = NewLedger();
        var record = Write(ledger, Command("r1", Meeting()));
        ledger.NodeChanged(Branch(closed: true));

        Assert.Equal("NODE_CLOSED", Refused(ledger, Command("r2", Meeting())).Type);
        Assert.Same(record, ledger.Decide(Command("r1", Meeting()), Today, Now).Record);

        var unknown = new LedgerAggregate("b9", []);
        Assert.Throws<NotFoundException>(() => unknown.Decide(Command("r1", Meeting()), Today, Now));
    }

    [Fact]
    public void A_duty_item_moves_forward_only_and_is_verified_once_done()
    {
        var ledger = NewLedger();
        Write(ledger, Command("d", Duty("d1")));

        Assert.Throws<NotFoundException>(() => ledger.Decide(Command("x", Step("d9", DutyStatus.Done)), Today, Now));
        Assert.Equal("DUTY_ITEM_STEP_REFUSED", Refused(ledger, Command("v", Step("d1", DutyStatus.Verified, "监督员"))).Type);
        Assert.Equal("DUTY_ITEM_STEP_REFUSED", Refused(ledger, Command("again", Duty("d1"))).Type);

        Write(ledger, Command("s1", Step("d1", DutyStatus.InProgress)));
        Write(ledger, Command("s2", Step("d1", DutyStatus.Done)));
        Write(ledger, Command("s3", Step("d1", DutyStatus.Verified, "监督员")));

        var duty = Assert.Single(ledger.Workflows.Duties);
        Assert.Equal(DutyStatus.Verified, duty.Status);
        Assert.Equal("监督员", duty.Verifier);
    }

    [Fact]
    public void A_finding_is_closed_only_by_someone_who_neither_raised_it_nor_recorded_its_remediation()
    {
        var ledger = NewLedger();
        Write(ledger, Command("f", Finding("f1"), by: "branch-secretary"));
        Write(ledger, Command("p", new FindingProgressDetails { Date = new DateOnly(2026, 3, 1), FindingId = "f1", Progress = "已补齐" }, by: "branch-member"));

        FindingClosureDetails Close(string verifier) => new() { Date = new DateOnly(2026, 4, 1), FindingId = "f1", Verifier = verifier };
        Assert.Equal("FINDING_VERIFIER_NOT_INDEPENDENT", Refused(ledger, Command("c1", Close("书记"), by: "branch-secretary")).Type);
        Assert.Equal("FINDING_VERIFIER_NOT_INDEPENDENT", Refused(ledger, Command("c2", Close("党员"), by: "branch-member")).Type);
        Assert.Throws<NotFoundException>(() => ledger.Decide(Command("c3", Close("纪委") with { FindingId = "f9" }, by: "inspector"), Today, Now));

        Write(ledger, Command("c4", Close("纪委"), by: "inspector"));
        Assert.True(Assert.Single(ledger.Workflows.Findings).Closed);
        Assert.Equal("FINDING_STEP_REFUSED", Refused(ledger, Command("c5", Close("纪委") with { Date = new DateOnly(2026, 4, 2) }, by: "inspector")).Type);

        Write(ledger, Command("o", new FindingReopeningDetails { Date = new DateOnly(2026, 5, 1), FindingId = "f1", Reason = "回头看发现反弹" }, by: "inspector"));
        var reopened = Assert.Single(ledger.Workflows.Findings);
        Assert.False(reopened.Closed);
        Assert.Equal(1, reopened.Reopened);
    }

    [Fact]
    public void Corrections_amend_and_void_and_are_refused_for_void_unknown_or_other_kind_targets()
    {
        var ledger = NewLedger();
        var meeting = Write(ledger, Command("m", Meeting()));
        var other = Write(ledger, Command("m2", Meeting(topic: "第二次")));

        Write(ledger, Command("a", Amend(meeting.Sequence, Meeting(topic: "学习党章（更正）"))));
        var view = ledger.Book.ViewOf(meeting);
        Assert.Equal(RecordStatus.Amended, view.Status);
        Assert.Equal("学习党章（更正）", Assert.IsType<MeetingDetails>(view.Current).Topic);

        Write(ledger, Command("v", Void(other.Sequence)));
        Assert.Equal(RecordStatus.Voided, ledger.Book.ViewOf(other).Status);
        Assert.Single(ledger.Book.Current());

        var voidAgain = Refused(ledger, Command("v2", Void(other.Sequence)));
        Assert.Equal(("CORRECTION_REFUSED", FieldPaths.RecordId), (voidAgain.Type, voidAgain.Subject));
        Assert.Equal("CORRECTION_REFUSED", Refused(ledger, Command("k", Amend(meeting.Sequence, Duty("d1")))).Type);
        Assert.Throws<NotFoundException>(() => ledger.Decide(Command("n", Void(99)), Today, Now));
    }

    [Fact]
    public void Only_records_can_be_reviewed_and_a_review_changes_no_figure()
    {
        var ledger = NewLedger();
        var meeting = Write(ledger, Command("m", Meeting()));
        var correction = Write(ledger, Command("a", Amend(meeting.Sequence, Meeting(topic: "更正"))));

        Assert.Equal("REVIEW_REFUSED", Refused(ledger, Command("r1", Review(correction.Sequence))).Type);
        Assert.Throws<NotFoundException>(() => ledger.Decide(Command("r2", Review(99)), Today, Now));

        var review = Write(ledger, Command("r3", Review(meeting.Sequence, ReviewVerdict.Returned), by: "office"));
        Assert.Equal(ReviewState.Returned, ledger.Book.ReviewOf(meeting.Sequence).State);
        Assert.Empty(ledger.DatesTouchedBy([review]));
        Assert.Single(ledger.Book.Current());
    }

    [Fact]
    public void Closed_books_refuse_dates_in_sealed_years_sealed_records_and_sealed_workflows()
    {
        var closed = new ClosedBooks
        {
            Through = 2025,
            SealedYearOf = sequence => sequence == 3 ? 2025 : null,
            DutyIds = new HashSet<string>(["d-old"], StringComparer.Ordinal),
            FindingIds = new HashSet<string>(["f-old"], StringComparer.Ordinal),
        };
        var ledger = NewLedger(closed: closed, lastSequence: 5);
        var live = Write(ledger, Command("m", Meeting()));

        var dated = Refused(ledger, Command("old", Meeting(new DateOnly(2025, 12, 31))));
        Assert.Equal(("YEAR_SEALED", FieldPaths.Date), (dated.Type, dated.Subject));
        Assert.Equal("YEAR_SEALED", Refused(ledger, Command("back", Amend(live.Sequence, Meeting(new DateOnly(2025, 6, 1))))).Type);

        var sealedRecord = Refused(ledger, Command("fix", Void(3)));
        Assert.Equal(("YEAR_SEALED", FieldPaths.RecordId), (sealedRecord.Type, sealedRecord.Subject));
        Assert.Equal("DUTY_ITEM_STEP_REFUSED", Refused(ledger, Command("d", Duty("d-old"))).Type);
        Assert.Equal("FINDING_STEP_REFUSED", Refused(ledger, Command("f", Finding("f-old"))).Type);
        Assert.False(ledger.Decide(Command("new", Meeting(new DateOnly(2026, 1, 1))), Today, Now).Replayed);
    }

    [Fact]
    public void A_batch_answers_per_row_later_rows_see_earlier_ones_and_nothing_changes_until_applied()
    {
        var ledger = NewLedger();
        Write(ledger, Command("m", Meeting()));

        var batch = ledger.DecideBatch(
            [
                Command("d", Duty("d1")),
                Command("s", Step("d1", DutyStatus.Done)),
                Command("d", Duty("d1")),
                Command("m", Meeting()),
                Command("bad", Meeting(attendees: 99)),
                Command("v", Void(1)),
                Command("x", Step("d9", DutyStatus.Done)),
            ],
            Today,
            Now);

        Assert.Equal(
            [ImportOutcome.Accepted, ImportOutcome.Accepted, ImportOutcome.Duplicate, ImportOutcome.Duplicate, ImportOutcome.Rejected, ImportOutcome.Rejected, ImportOutcome.Rejected],
            batch.Results.Select(r => r.Outcome));
        Assert.Equal([2L, 3L], batch.Records.Select(r => r.Sequence));
        Assert.Equal(FieldPaths.MeetingAttendees, Assert.Single(batch.Results[4].Errors).Field);
        Assert.Equal(FieldPaths.Body, Assert.Single(batch.Results[5].Errors).Field);
        Assert.Equal(FieldPaths.Body, Assert.Single(batch.Results[6].Errors).Field);
        Assert.Empty(ledger.Workflows.Duties);

        ledger.Apply(batch.Records);
        Assert.Equal(DutyStatus.Done, Assert.Single(ledger.Workflows.Duties).Status);
    }

    [Fact]
    public void A_seal_plans_finished_records_of_ended_years_carries_open_workflows_forward_and_answers_its_retry()
    {
        var ledger = NewLedger();
        var old = Write(ledger, Command("m", Meeting(new DateOnly(2025, 3, 1))));
        Write(ledger, Command("f", Finding("f1") with { Date = new DateOnly(2025, 4, 1) }));
        Write(ledger, Command("now", Meeting()));

        var (replay, plan) = ledger.DecideSeal(new SealCommand(2025, "seal-1", "office"), Today, null);
        Assert.Null(replay);
        Assert.Equal([old.Sequence], plan!.Moves[2025].Select(r => r.Sequence));
        Assert.Equal(1, plan.CarriedForward);
        Assert.Empty(plan.SealedFindingIds);

        var earlier = new SealResult(2025, 1, 1, 2, [2025], false);
        Assert.True(ledger.DecideSeal(new SealCommand(2025, "seal-1", "office"), Today, earlier).Replay!.Replayed);
        Assert.Throws<RequestIdConflictException>(() => ledger.DecideSeal(new SealCommand(2024, "seal-1", "office"), Today, earlier));
        var notEnded = Assert.Throws<InvalidCommandException>(() => ledger.DecideSeal(new SealCommand(2026, "seal-2", "office"), Today, null));
        Assert.Equal(FieldPaths.Year, Assert.Single(notEnded.Errors).Field);
    }

    [Fact]
    public void Dates_a_correction_touches_are_its_own_its_replacements_and_its_targets()
    {
        var ledger = NewLedger();
        var meeting = Write(ledger, Command("m", Meeting(new DateOnly(2026, 1, 10))));
        var amended = Write(ledger, Command("a", Amend(meeting.Sequence, Meeting(new DateOnly(2026, 2, 20)))));

        Assert.Equal(
            [new DateOnly(2026, 6, 2), new DateOnly(2026, 2, 20), new DateOnly(2026, 1, 10)],
            ledger.DatesTouchedBy([amended]).Distinct().Order().Reverse());
    }
}
