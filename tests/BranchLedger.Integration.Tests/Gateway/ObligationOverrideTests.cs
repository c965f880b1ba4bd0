using BranchLedger.Api.V1;
using BranchLedger.Integration.Tests.Infrastructure;
using Google.Rpc;
using Grpc.Core;

namespace BranchLedger.Integration.Tests.Gateway;

/// <summary>
/// Tenant obligation overrides and 谈心谈话 coverage over real gRPC: stored in the directory, pushed to
/// the ledgers, and used by GetCompliance. Each test has its own tenant, as overrides are tenant-wide.
/// </summary>
public sealed class ObligationOverrideTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string CitySource = "市直机关工委〔2025〕1号";
    private readonly LedgerService.LedgerServiceClient _ledger = fixture.Ledger;
    private readonly DirectoryService.DirectoryServiceClient _directory = fixture.Directory;

    private static Google.Type.Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    /// <summary>A fresh tenant with one branch (under the root organisation) whose roster sets the quorums.</summary>
    private async Task<Metadata> Tenant(string tenant, string node = "branch-a")
    {
        await fixture.EnsureAsync(tenant, node);
        var who = GatewayHost.As(tenant);
        await _directory.SetRosterAsync(new SetRosterRequest
        {
            RequestId = $"roster-{node}", NodeId = node, EffectiveFrom = Day(2024, 1, 1),
            CommitteeMembers = 3, Members = 10, VotingMembers = 10,
        }, who);
        return who;
    }

    private static ObligationOverride GeneralMeetingMonthly(Google.Type.Date? to = null) => new()
    {
        RuleId = "branch-general-meeting", EffectiveFrom = Day(2025, 1, 1), EffectiveTo = to, Source = CitySource,
        Frequency = ObligationFrequency.Monthly,
    };

    private static SetObligationOverridesRequest Overrides(string requestId, params ObligationOverride[] overrides)
    {
        var request = new SetObligationOverridesRequest { RequestId = requestId };
        request.Overrides.AddRange(overrides);
        return request;
    }

    private async Task Meet(Metadata who, string node, string id, MeetingKind kind, Google.Type.Date date, int attendees = 8)
    {
        var request = Meetings.Request(node, id);
        request.Meeting.Kind = kind;
        request.Meeting.Date = date;
        request.Meeting.Attendees = attendees;
        request.Meeting.ExpectedAttendees = 10;
        await _ledger.RecordMeetingAsync(request, who);
    }

    private async Task<string> Talk(Metadata who, string node, string id, string a, string b, TalkKind kind = TalkKind.HeartToHeart)
    {
        var response = await _ledger.RecordTalkAsync(new RecordTalkRequest
        {
            NodeId = node, RequestId = id,
            Talk = new Talk { Kind = kind, Date = Day(2025, 6, 1), Topic = "谈心谈话", PersonA = a, PersonB = b, People = kind == TalkKind.HeartToHeart ? 0 : 2 },
        }, who);
        return response.Record.RecordId;
    }

    private async Task<GetComplianceResponse> Compliance(Metadata who, string period, string node = "branch-a") =>
        await _ledger.GetComplianceAsync(new GetComplianceRequest { NodeId = node, Period = period }, who);

    private static IReadOnlyList<string> Fields(RpcException error)
    {
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        return [.. error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task A_stricter_override_reaches_an_active_ledger_and_compliance_judges_by_it()
    {
        var who = await Tenant("ovr-stricter");
        await Meet(who, "branch-a", "general-jan", MeetingKind.BranchGeneralMeeting, Day(2025, 1, 15));

        // The default: one general meeting a quarter, so January's meeting meets Q1 (and the ledger is now active).
        var before = await Compliance(who, "2025-Q1");
        var quarter = Assert.Single(before.Rows, r => r.RuleId == "branch-general-meeting");
        Assert.Equal(("2025-Q1", ObligationStatus.Met), (quarter.Period, quarter.Status));

        var set = await _directory.SetObligationOverridesAsync(Overrides("ovr-1", GeneralMeetingMonthly()), who);
        Assert.False(set.Replayed);

        // The city demands one a month from 2025: February and March are missed, each with the city's source.
        var after = await Compliance(who, "2025-Q1");
        var months = after.Rows.Where(r => r.RuleId == "branch-general-meeting").ToList();
        Assert.Equal(["2025-01", "2025-02", "2025-03"], months.Select(r => r.Period));
        Assert.Equal([ObligationStatus.Met, ObligationStatus.Missed, ObligationStatus.Missed], months.Select(r => r.Status));
        Assert.Equal(["rec-1"], months[0].RecordIds);
        Assert.All(months, r => Assert.Equal(CitySource, r.Source));
        Assert.Contains(after.Warnings, w => w.Kind == WarningKind.MissedObligation && w.SubjectId == "branch-general-meeting" && w.Period == "2025-02");

        // Before the override's start the default still judges.
        var earlier = Assert.Single((await Compliance(who, "2024-Q4")).Rows, r => r.RuleId == "branch-general-meeting");
        Assert.Equal("2024-Q4", earlier.Period);
        Assert.NotEqual(CitySource, earlier.Source);
    }

    [Fact]
    public async Task A_stricter_quorum_and_a_higher_count_are_what_compliance_judges_by()
    {
        var who = await Tenant("ovr-quorum");
        await _directory.SetObligationOverridesAsync(Overrides("ovr-q",
            new ObligationOverride
            {
                RuleId = "branch-general-meeting", EffectiveFrom = Day(2025, 1, 1), Source = CitySource,
                Quorum = new Quorum { Basis = QuorumBasis.VotingMembers, Numerator = 2, Denominator = 3 },
            },
            new ObligationOverride { RuleId = "theme-day", EffectiveFrom = Day(2025, 1, 1), Source = CitySource, MinCount = 2 }), who);

        // 6 of 10 voting members is more than half, but not the 2/3 the city asks.
        await Meet(who, "branch-a", "general-6", MeetingKind.BranchGeneralMeeting, Day(2025, 2, 10), attendees: 6);
        await Meet(who, "branch-a", "theme-1", MeetingKind.ThemeDay, Day(2025, 2, 11));
        var report = await Compliance(who, "2025-02");

        var general = Assert.Single(report.Rows, r => r.RuleId == "branch-general-meeting");
        Assert.Equal(ObligationStatus.Missed, general.Status);
        Assert.Equal(["rec-1"], general.QuorumFailures);
        var theme = Assert.Single(report.Rows, r => r.RuleId == "theme-day");
        Assert.Equal((ObligationStatus.Missed, 2, 1), (theme.Status, theme.Required, theme.Raw));
    }

    [Fact]
    public async Task A_looser_override_is_refused_with_every_field_and_nothing_is_stored()
    {
        var who = await Tenant("ovr-looser");
        var request = Overrides("ovr-bad",
            new ObligationOverride { RuleId = "branch-committee-meeting", EffectiveFrom = Day(2025, 1, 1), Source = CitySource, Frequency = ObligationFrequency.Yearly },
            new ObligationOverride
            {
                RuleId = "branch-general-meeting", EffectiveFrom = Day(2025, 1, 1), Source = CitySource,
                Quorum = new Quorum { Basis = QuorumBasis.VotingMembers, Numerator = 1, Denominator = 3 },
            },
            new ObligationOverride { RuleId = "no-such-rule", EffectiveFrom = Day(2025, 1, 1), Source = CitySource, MinCount = 2 },
            new ObligationOverride { RuleId = "theme-day", EffectiveFrom = Day(2025, 2, 30), Source = "", MinCount = -1 });

        var error = await Assert.ThrowsAsync<RpcException>(() => _directory.SetObligationOverridesAsync(request, who).ResponseAsync);

        Assert.Equal(
            ["overrides[0].frequency", "overrides[1].quorum", "overrides[2].rule_id", "overrides[3].effective_from", "overrides[3].min_count", "overrides[3].source"],
            Fields(error));
        var listed = await _directory.ListObligationsAsync(new ListObligationsRequest(), who);
        Assert.Null(listed.Overrides);
        Assert.DoesNotContain(listed.Rules, r => r.Overridden);
        Assert.Equal("2025-Q1", Assert.Single((await Compliance(who, "2025-Q1")).Rows, r => r.RuleId == "branch-general-meeting").Period);
    }

    [Fact]
    public async Task The_same_request_id_replays_other_content_conflicts_and_the_same_list_again_changes_nothing()
    {
        var who = await Tenant("ovr-replay");
        var request = Overrides("ovr-once", GeneralMeetingMonthly());

        var first = await _directory.SetObligationOverridesAsync(request, who);
        var again = await _directory.SetObligationOverridesAsync(request, who);
        var reused = await Assert.ThrowsAsync<RpcException>(() => _directory.SetObligationOverridesAsync(
            Overrides("ovr-once", GeneralMeetingMonthly(), new ObligationOverride { RuleId = "theme-day", EffectiveFrom = Day(2025, 1, 1), Source = CitySource, MinCount = 2 }),
            who).ResponseAsync);
        var unchanged = await Assert.ThrowsAsync<RpcException>(() => _directory.SetObligationOverridesAsync(
            Overrides("ovr-twice", GeneralMeetingMonthly()), who).ResponseAsync);

        Assert.True(again.Replayed);
        Assert.Equal(first.Overrides, again.Overrides);
        Assert.Equal(StatusCode.FailedPrecondition, reused.StatusCode);
        Assert.Equal("REQUEST_ID_REUSED", reused.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations.Single().Type);
        Assert.Equal("NO_CHANGE", unchanged.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations.Single().Type);
        var listed = await _directory.ListObligationsAsync(new ListObligationsRequest(), who);
        Assert.Equal(first.Overrides, listed.Overrides);
    }

    [Fact]
    public async Task List_obligations_shows_every_version_with_the_overrides_merged_in()
    {
        var who = await Tenant("ovr-list");
        var defaults = await _directory.ListObligationsAsync(new ListObligationsRequest(), who);
        await _directory.SetObligationOverridesAsync(Overrides("ovr-l",
            GeneralMeetingMonthly(to: Day(2025, 12, 31)),
            new ObligationOverride { RuleId = "theory-study-group", EffectiveFrom = Day(2025, 1, 1), Source = CitySource, MinCount = 3 }), who);

        var listed = await _directory.ListObligationsAsync(new ListObligationsRequest(), who);

        Assert.Equal(12, defaults.Rules.Count);
        Assert.Null(defaults.Overrides);
        var committee = Assert.Single(defaults.Rules, r => r.RuleId == "branch-committee-meeting");
        Assert.Equal((ObligationScope.Branch, ObligationFrequency.Monthly, 1, false), (committee.Scope, committee.Frequency, committee.MinCount, committee.Overridden));
        Assert.Equal(new Quorum { Basis = QuorumBasis.CommitteeMembers, Numerator = 1, Denominator = 2, Strict = true }, committee.Quorum);
        Assert.Equal(Day(2019, 1, 1), committee.EffectiveFrom);
        Assert.Null(committee.EffectiveTo);

        Assert.Equal(15, listed.Rules.Count);
        var general = listed.Rules.Where(r => r.RuleId == "branch-general-meeting").ToList();
        Assert.Equal([ObligationFrequency.Quarterly, ObligationFrequency.Monthly, ObligationFrequency.Quarterly], general.Select(r => r.Frequency));
        Assert.Equal([false, true, false], general.Select(r => r.Overridden));
        Assert.Equal((Day(2025, 1, 1), Day(2025, 12, 31), CitySource), (general[1].EffectiveFrom, general[1].EffectiveTo, general[1].Source));
        Assert.Equal((Day(2024, 12, 31), Day(2026, 1, 1)), (general[0].EffectiveTo, general[2].EffectiveFrom));
        var study = listed.Rules.Where(r => r.RuleId == "theory-study-group").ToList();
        Assert.Equal((ObligationScope.Organisation, 3, true), (study[1].Scope, study[1].MinCount, study[1].Overridden));
        Assert.Equal(2, listed.Overrides.Overrides.Count);
        Assert.Equal(("ovr-l", "secretary"), (listed.Overrides.RequestId, listed.Overrides.RecordedBy));
    }

    [Fact]
    public async Task An_empty_list_clears_the_overrides_and_active_ledgers_return_to_the_defaults()
    {
        var who = await Tenant("ovr-clear");
        await _directory.SetObligationOverridesAsync(Overrides("ovr-set", GeneralMeetingMonthly()), who);
        Assert.Equal(3, (await Compliance(who, "2025-Q1")).Rows.Count(r => r.RuleId == "branch-general-meeting"));

        var cleared = await _directory.SetObligationOverridesAsync(Overrides("ovr-clear"), who);

        Assert.Empty(cleared.Overrides.Overrides);
        Assert.Equal("2025-Q1", Assert.Single((await Compliance(who, "2025-Q1")).Rows, r => r.RuleId == "branch-general-meeting").Period);
        Assert.DoesNotContain((await _directory.ListObligationsAsync(new ListObligationsRequest(), who)).Rules, r => r.Overridden);
    }

    [Fact]
    public async Task Overrides_need_a_registered_tenant()
    {
        var who = GatewayHost.As("ovr-nobody");
        var set = await Assert.ThrowsAsync<RpcException>(() => _directory.SetObligationOverridesAsync(Overrides("o", GeneralMeetingMonthly()), who).ResponseAsync);
        var list = await Assert.ThrowsAsync<RpcException>(() => _directory.ListObligationsAsync(new ListObligationsRequest(), who).ResponseAsync);

        Assert.Equal("TENANT_NOT_REGISTERED", set.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations.Single().Type);
        Assert.Equal(StatusCode.NotFound, list.StatusCode);
    }

    [Fact]
    public async Task A_time_zone_change_reaches_an_active_ledger()
    {
        var who = await Tenant("ovr-zone");
        await Compliance(who, "2025"); // the ledger is active now, with the default zone

        // Kiritimati (UTC+14) and Pago Pago (UTC-11) are 25 hours apart: never on the same calendar day.
        var east = await AsOfAfterMovingTo(who, "Pacific/Kiritimati");
        var west = await AsOfAfterMovingTo(who, "Pacific/Pago_Pago");

        Assert.NotEqual(east, west);
    }

    private async Task<Google.Type.Date> AsOfAfterMovingTo(Metadata who, string zone)
    {
        await _directory.UpdateTenantProfileAsync(new UpdateTenantProfileRequest
        {
            RequestId = "zone-" + zone.Replace('/', '-'),
            Profile = new TenantProfile { DisplayName = "时区测试", BodyKind = BodyKind.PeoplesOrganisation, TimeZone = zone },
        }, who);
        var before = TodayIn(zone);
        var asOf = (await Compliance(who, "2025")).AsOf;
        var after = TodayIn(zone);

        // A day boundary in that zone may pass during the call; either side of it is right.
        Assert.Contains(asOf, new[] { before, after });
        return asOf;
    }

    private static Google.Type.Date TodayIn(string zone)
    {
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(zone));
        return Day(local.Year, local.Month, local.Day);
    }

    [Fact]
    public async Task A_roster_with_names_brings_heart_to_heart_coverage_missed_until_every_pair_talked()
    {
        var who = await Tenant("ovr-talks", "branch-talks");
        await _ledger.GetComplianceAsync(new GetComplianceRequest { NodeId = "branch-talks", Period = "2025" }, who);
        var roster = new SetRosterRequest
        {
            RequestId = "roster-named", NodeId = "branch-talks", EffectiveFrom = Day(2025, 1, 1), Secretary = "王书记",
            CommitteeMembers = 2, Members = 3, VotingMembers = 3,
        };
        roster.CommitteeNames.AddRange(["王书记", "李委员"]);
        roster.MemberNames.AddRange(["王书记", "李委员", "张三"]);
        await _directory.SetRosterAsync(roster, who);

        var first = await Talk(who, "branch-talks", "talk-1", "王书记", "李委员");
        var second = await Talk(who, "branch-talks", "talk-2", "张三", "王书记"); // either order
        await Talk(who, "branch-talks", "talk-other", "王书记", "外单位同志"); // not a pair owed
        await Talk(who, "branch-talks", "talk-integrity", "李委员", "张三", TalkKind.Integrity); // not a heart-to-heart talk

        var missed = Assert.Single((await Compliance(who, "2025", "branch-talks")).Rows, r => r.RuleId == "heart-to-heart-talks");
        Assert.Equal((ObligationStatus.Missed, 3, 2, 2), (missed.Status, missed.Required, missed.Counted, missed.Raw));
        Assert.Equal([first, second], missed.RecordIds);
        Assert.Equal("中国共产党支部工作条例（试行）", missed.Source);

        var third = await Talk(who, "branch-talks", "talk-3", " 李委员 ", "张三");
        var met = Assert.Single((await Compliance(who, "2025", "branch-talks")).Rows, r => r.RuleId == "heart-to-heart-talks");
        Assert.Equal((ObligationStatus.Met, 3, 3), (met.Status, met.Required, met.Counted));
        Assert.Equal([first, second, third], met.RecordIds);

        // The year before had a roster without names: nobody can say which pairs were owed, so no row.
        Assert.DoesNotContain((await Compliance(who, "2024", "branch-talks")).Rows, r => r.RuleId == "heart-to-heart-talks");
    }

    [Fact]
    public async Task Without_names_on_the_roster_the_talk_rule_stays_out()
    {
        var who = await Tenant("ovr-no-names");
        await Talk(who, "branch-a", "talk-1", "王书记", "李委员");

        Assert.DoesNotContain((await Compliance(who, "2025")).Rows, r => r.RuleId == "heart-to-heart-talks");
    }

    [Fact]
    public async Task A_stricter_talk_override_asks_two_talks_per_pair()
    {
        var who = await Tenant("ovr-talk-twice", "branch-twice");
        var roster = new SetRosterRequest
        {
            RequestId = "roster-named", NodeId = "branch-twice", EffectiveFrom = Day(2025, 1, 1), CommitteeMembers = 1, Members = 2, VotingMembers = 2,
        };
        roster.CommitteeNames.Add("王书记");
        roster.MemberNames.AddRange(["王书记", "张三"]);
        await _directory.SetRosterAsync(roster, who);
        await _directory.SetObligationOverridesAsync(Overrides("ovr-t",
            new ObligationOverride { RuleId = "heart-to-heart-talks", EffectiveFrom = Day(2025, 1, 1), Source = CitySource, MinCount = 2 }), who);
        await Talk(who, "branch-twice", "talk-1", "王书记", "张三");

        var row = Assert.Single((await Compliance(who, "2025", "branch-twice")).Rows, r => r.RuleId == "heart-to-heart-talks");

        Assert.Equal((ObligationStatus.Missed, CitySource), (row.Status, row.Source));
    }
}
