using BranchLedger.Contracts;
using BranchLedger.Contracts.Errors;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Domain.Ledger;
using BranchLedger.Grains.Ledger;
using BranchLedger.Integration.Tests.Infrastructure;
using Npgsql;

namespace BranchLedger.Integration.Tests.Grains;

/// <summary>The ledger grain on a real cluster whose grain state is the ADO.NET provider on PostgreSQL.</summary>
public sealed class LedgerGrainTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private async Task<ILedgerGrain> Ledger(string node)
    {
        await fixture.EnsureAsync("tenant-a", node);
        return fixture.Client.GetGrain<ILedgerGrain>(GrainKeys.Ledger("tenant-a", node));
    }

    private static Task<RecordPage> All(ILedgerGrain ledger, bool history = false, string family = "") =>
        ledger.ListRecords(new RecordQuery { PageSize = 100, IncludeHistory = history, Family = family });

    [Fact]
    public async Task A_retried_request_id_is_answered_again_and_counted_once()
    {
        var ledger = await Ledger("branch-a");

        var first = await ledger.Append(Meetings.Command("same-id"));
        var again = await ledger.Append(Meetings.Command("same-id"));

        Assert.False(first.Replayed);
        Assert.True(again.Replayed);
        Assert.Equal(first.Record, again.Record);
        Assert.Single((await All(ledger)).Records);
    }

    [Fact]
    public async Task A_request_id_reused_for_different_content_is_refused_and_writes_nothing()
    {
        var ledger = await Ledger("branch-b");
        await ledger.Append(Meetings.Command("id-1"));

        await Assert.ThrowsAsync<RequestIdConflictException>(() => ledger.Append(Meetings.Command("id-1", "另一个议题")));
        Assert.Single((await All(ledger)).Records);
    }

    [Fact]
    public async Task An_invalid_command_is_refused_with_field_errors_even_without_the_gateway()
    {
        var ledger = await Ledger("branch-c");
        var bad = Meetings.Command("bad id with spaces") with
        {
            Body = (MeetingDetails)Meetings.Command("x").Body with { Topic = "", Attendees = -1 },
            Evidence = [new EvidenceRef("not a uri", "", "pdf")],
        };

        var error = await Assert.ThrowsAsync<InvalidCommandException>(() => ledger.Append(bad));

        Assert.Equal(
            ["request_id", "meeting.topic", "meeting.attendees", "evidence[0].uri", "evidence[0].sha256", "evidence[0].media_type"],
            error.Errors.Select(e => e.Field));
        Assert.Empty((await All(ledger)).Records);
    }

    [Fact]
    public async Task Pages_continue_after_the_last_sequence_and_end_with_no_cursor()
    {
        var ledger = await Ledger("branch-d");
        for (var i = 1; i <= 5; i++)
        {
            await ledger.Append(Meetings.Command($"p-{i}"));
        }

        var first = await ledger.ListRecords(new RecordQuery { PageSize = 2 });
        var second = await ledger.ListRecords(new RecordQuery { AfterSequence = first.NextAfterSequence!.Value, PageSize = 2 });
        var last = await ledger.ListRecords(new RecordQuery { AfterSequence = second.NextAfterSequence!.Value, PageSize = 2 });

        Assert.Equal([1L, 2L], first.Records.Select(r => r.Record.Sequence));
        Assert.Equal([3L, 4L], second.Records.Select(r => r.Record.Sequence));
        Assert.Equal([5L], last.Records.Select(r => r.Record.Sequence));
        Assert.Null(last.NextAfterSequence);
        Assert.Empty((await ledger.ListRecords(new RecordQuery { AfterSequence = 99 })).Records);
    }

    [Fact]
    public async Task A_void_hides_the_record_from_the_current_view_and_keeps_it_in_the_history()
    {
        var ledger = await Ledger("branch-void");
        await ledger.Append(Meetings.Command("v-1"));
        await ledger.Append(Meetings.Command("v-2"));

        await ledger.Append(Correction("void-1", target: 1, reason: "重复录入", replacement: null));

        Assert.Equal([2L], (await All(ledger)).Records.Select(r => r.Record.Sequence));
        var history = await All(ledger, history: true);
        Assert.Equal([1L, 2L, 3L], history.Records.Select(r => r.Record.Sequence));
        Assert.Equal(RecordStatus.Voided, history.Records[0].Status);
        var one = await ledger.GetRecord(1);
        Assert.Equal("void-1", Assert.Single(one!.Corrections).RequestId);
    }

    [Fact]
    public async Task An_amendment_shows_the_replacement_under_the_original_record()
    {
        var ledger = await Ledger("branch-amend");
        await ledger.Append(Meetings.Command("a-1"));
        var fixedMeeting = (MeetingDetails)Meetings.Command("x").Body with { Attendees = 7, Topic = "更正后的议题" };

        await ledger.Append(Correction("amend-1", target: 1, reason: "出席人数录错", replacement: fixedMeeting));
        await ledger.Append(Correction("amend-2", target: 1, reason: "再次更正", replacement: fixedMeeting with { Attendees = 6 }));

        var view = Assert.Single((await All(ledger)).Records);
        Assert.Equal(1L, view.Record.Sequence);
        Assert.Equal(RecordStatus.Amended, view.Status);
        Assert.Equal(6, ((MeetingDetails)view.Current).Attendees);
        Assert.Equal(2, (await ledger.GetRecord(1))!.Corrections.Count);
    }

    [Fact]
    public async Task Corrections_that_the_ledger_cannot_apply_are_refused_and_write_nothing()
    {
        var ledger = await Ledger("branch-refuse");
        await ledger.Append(Meetings.Command("c-1"));
        var talk = new TalkDetails { Date = new DateOnly(2026, 4, 2), Kind = TalkKind.Integrity, Topic = "廉政谈话", People = 3 };

        await Assert.ThrowsAsync<NotFoundException>(() => ledger.Append(Correction("c-x", target: 9, reason: "无此记录", replacement: null)));
        await Assert.ThrowsAsync<PreconditionFailedException>(() => ledger.Append(Correction("c-kind", target: 1, reason: "换类型", replacement: talk)));
        await ledger.Append(Correction("c-void", target: 1, reason: "作废", replacement: null));
        await Assert.ThrowsAsync<PreconditionFailedException>(() => ledger.Append(Correction("c-again", target: 1, reason: "再作废", replacement: null)));
        await Assert.ThrowsAsync<PreconditionFailedException>(() => ledger.Append(Correction("c-corr", target: 2, reason: "改更正", replacement: null)));

        Assert.Equal(2, (await All(ledger, history: true)).Records.Count);
    }

    [Fact]
    public async Task Every_family_of_record_is_kept_and_can_be_listed_by_kind()
    {
        var ledger = await Ledger("org-families");
        var day = new DateOnly(2026, 5, 6);
        RecordBody[] bodies =
        [
            (MeetingDetails)Meetings.Command("x").Body with { Kind = MeetingKind.PartyLecture, Lecturer = "书记", LecturedBySecretary = true },
            new TalkDetails { Date = day, Kind = TalkKind.HeartToHeart, Topic = "谈心谈话", PersonA = "张三", PersonB = "李四" },
            new QuarterlyReviewDetails { Date = day, Topic = "一季度党建工作汇报", Reporter = "机关党支部书记" },
            new CommunityServiceDetails { Date = day, Kind = CommunityServiceKind.MembersReporting, Topic = "到社区报到", Members = 31 },
            new RiskPointDetails { Date = day, RiskPoint = "项目审批", Measures = ["集体研究", "公开公示"] },
            new BrandProjectDetails { Date = day, Name = "助残志愿服务", Level = RecognitionLevel.National, Status = BrandStatus.Building },
            new HonourDetails { Date = day, Title = "集体三等功", Recipient = "市残联", RecipientKind = RecipientKind.Unit, Level = RecognitionLevel.City },
            new CampaignDetails { Date = day, Name = "模范机关创建", Status = CampaignStatus.InProgress },
            new SelfAssessmentDetails { Date = day, Year = 2026, Section = SelfAssessmentSection.Problem, Order = 1, Text = "理论学习抓得不够严" },
        ];
        for (var i = 0; i < bodies.Length; i++)
        {
            await ledger.Append(new AppendCommand { RequestId = $"f-{i}", RecordedBy = "secretary", Body = bodies[i] });
        }

        var all = await All(ledger);
        Assert.Equal(bodies, all.Records.Select(r => r.Current));
        Assert.Equal(["项目审批"], (await All(ledger, family: "risk_point")).Records.Select(r => ((RiskPointDetails)r.Current).RiskPoint));
    }

    private static AppendCommand Correction(string requestId, long target, string reason, RecordBody? replacement) => new()
    {
        RequestId = requestId,
        RecordedBy = "secretary",
        Body = new CorrectionDetails { Date = new DateOnly(2026, 5, 1), TargetSequence = target, Reason = reason, Replacement = replacement },
    };
}

/// <summary>Stopping and starting the whole cluster keeps every record, in the project's own schema.</summary>
public sealed class LedgerGrainRestartTests
{
    [Fact]
    public async Task Records_survive_a_whole_cluster_restart_in_the_projects_schema()
    {
        var db = await TestPostgres.CreateDatabaseAsync("grain-restart");
        var key = GrainKeys.Ledger("city-disabled-fed", "office-branch");
        await using (var cluster = await LedgerCluster.StartAsync(db))
        {
            await Nodes.EnsureAsync(cluster.Client, "city-disabled-fed", "office-branch");
            var ledger = cluster.Client.GetGrain<ILedgerGrain>(key);
            await ledger.Append(Meetings.Command("r-1"));
            await ledger.Append(Meetings.Command("r-2", "党课：学习党的二十大精神"));
        }

        await using (var cluster = await LedgerCluster.StartAsync(db))
        {
            var page = await cluster.Client.GetGrain<ILedgerGrain>(key).ListRecords(new RecordQuery { PageSize = 10 });
            Assert.Equal([1L, 2L], page.Records.Select(r => r.Record.Sequence));
            Assert.Equal("党课：学习党的二十大精神", ((MeetingDetails)page.Records[1].Current).Topic);
            Assert.Null(page.NextAfterSequence);
        }

        // The records are rows of the journal; the grain state is one snapshot row, under the grain
        // class's own state name, holding a binary payload, written once (when the first cluster stopped)
        // instead of once per write.
        await using var connection = new NpgsqlConnection(db);
        await using (var journal = new NpgsqlCommand("select count(*) from branchledger_journal where ledger = @key", connection))
        {
            await connection.OpenAsync();
            journal.Parameters.AddWithValue("key", key);
            Assert.Equal(2L, (long)(await journal.ExecuteScalarAsync())!);
        }

        await using var query = new NpgsqlCommand(
            "select graintypestring, version, length(payloadbinary) from orleansstorage where grainidextensionstring = @key", connection);
        query.Parameters.AddWithValue("key", key);
        await using var reader = await query.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(LedgerGrain.StateName, reader.GetString(0));
        Assert.Equal(1, reader.GetInt32(1));
        Assert.InRange(reader.GetInt32(2), 50, 2000);
        Assert.False(await reader.ReadAsync());
    }
}
