using BranchLedger.Api.V1;

namespace BranchLedger.CityData;

/// <summary>
/// The demo city: five municipal bodies, each a party group and 10–14 branches (60 in all), with
/// rosters and their records from 1 January of last year up to today. Deterministic: each calendar year
/// of each node is planned whole from a fixed seed, then cut at today, so a later day only adds rows
/// and every row keeps its request id and content — loading again records nothing twice.
/// </summary>
public static class DemoCity
{
    /// <summary>The time zone of the demo tenants and of "today".</summary>
    public const string TimeZone = "Asia/Shanghai";

    /// <summary>Today in <see cref="TimeZone"/>.</summary>
    public static DateOnly Today(TimeProvider? clock = null)
    {
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var found) ? found : TimeZoneInfo.CreateCustomTimeZone(TimeZone, TimeSpan.FromHours(8), TimeZone, TimeZone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
    }

    /// <summary>The city as of <paramref name="today"/>: no row is dated after it.</summary>
    public static IReadOnlyList<DemoTenant> Generate(DateOnly today) =>
        DemoCatalog.Bodies.Select(body => Tenant(body, [today.Year - 1, today.Year], DateOnly.MinValue, today)).ToList();

    /// <summary>
    /// A benchmark city of <paramref name="shape"/>'s size, one tenant at a time (a 10,000-branch city
    /// is a million rows: generated lazily, never held whole). The same shape gives the same rows.
    /// </summary>
    public static IEnumerable<DemoTenant> Generate(CityShape shape)
    {
        for (var i = shape.FirstTenant; i < shape.FirstTenant + shape.Tenants; i++)
        {
            yield return Tenant(DemoCatalog.Numbered(i, shape.BranchesPerTenant), [shape.Year], shape.FirstDay, new DateOnly(shape.Year, 12, 31));
        }
    }

    /// <summary>The date a record body carries (every kind has one).</summary>
    public static DateOnly DateOf(RecordBody body)
    {
        var date = body.BodyCase switch
        {
            RecordBody.BodyOneofCase.Meeting => body.Meeting.Date,
            RecordBody.BodyOneofCase.Talk => body.Talk.Date,
            RecordBody.BodyOneofCase.QuarterlyReview => body.QuarterlyReview.Date,
            RecordBody.BodyOneofCase.CommunityService => body.CommunityService.Date,
            RecordBody.BodyOneofCase.RiskPoint => body.RiskPoint.Date,
            RecordBody.BodyOneofCase.BrandProject => body.BrandProject.Date,
            RecordBody.BodyOneofCase.Honour => body.Honour.Date,
            RecordBody.BodyOneofCase.Campaign => body.Campaign.Date,
            RecordBody.BodyOneofCase.SelfAssessment => body.SelfAssessment.Date,
            RecordBody.BodyOneofCase.DutyItem => body.DutyItem.Date,
            RecordBody.BodyOneofCase.DutyProgress => body.DutyProgress.Date,
            RecordBody.BodyOneofCase.Finding => body.Finding.Date,
            RecordBody.BodyOneofCase.FindingProgress => body.FindingProgress.Date,
            RecordBody.BodyOneofCase.FindingClosure => body.FindingClosure.Date,
            RecordBody.BodyOneofCase.FindingReopening => body.FindingReopening.Date,
            RecordBody.BodyOneofCase.Activity => body.Activity.Date,
            RecordBody.BodyOneofCase.DocumentIssued => body.DocumentIssued.Date,
            RecordBody.BodyOneofCase.SelfInspection => body.SelfInspection.Date,
            RecordBody.BodyOneofCase.YouthDevelopment => body.YouthDevelopment.Date,
            RecordBody.BodyOneofCase.Recognition => body.Recognition.Date,
            RecordBody.BodyOneofCase.Vanguard => body.Vanguard.Date,
            _ => throw new ArgumentException($"a record body without a kind: {body}", nameof(body)),
        };
        return new DateOnly(date.Year, date.Month, date.Day);
    }

    private static bool IsWorkflowStep(RecordBody body) => body.BodyCase is RecordBody.BodyOneofCase.DutyProgress
        or RecordBody.BodyOneofCase.FindingProgress or RecordBody.BodyOneofCase.FindingClosure or RecordBody.BodyOneofCase.FindingReopening;

    private static DemoTenant Tenant(DemoBody body, int[] years, DateOnly from, DateOnly today)
    {
        var random = new DemoRandom(body.TenantId);
        var partyGroup = DemoPeople.Draw(random, 7);
        var groupDiligence = 0.7 + (0.3 * random.Next());
        var nodes = new List<DemoNode>
        {
            new(new CreateNodeRequest { RequestId = "demo:node:party-group", NodeId = "party-group", Kind = NodeKind.Organisation, Name = body.Organisation },
                null, Dated(years.Select(y => DemoOrganisationYear.Plan(body, partyGroup, groupDiligence, y)), from, today)),
        };

        // Diligence evenly spread over 0.35–1 in every body, in a shuffled order: each body has its
        // exemplary branches and its laggards.
        var n = body.Branches.Count;
        var diligence = random.Shuffle(Enumerable.Range(0, n).Select(i => 0.35 + (0.65 * i / (n - 1))));
        for (var i = 0; i < n; i++)
        {
            var branch = Branch(body, body.Branches[i], diligence[i], random);
            nodes.Add(new DemoNode(
                new CreateNodeRequest
                {
                    RequestId = $"demo:node:{branch.NodeId}", NodeId = branch.NodeId, Kind = NodeKind.Branch, Name = branch.Name, ParentId = "party-group",
                },
                Roster(branch),
                Dated(years.Select(y => DemoBranchYear.Plan(branch, y)), from, today)));
        }

        return new DemoTenant(body.TenantId, new TenantProfile { DisplayName = body.DisplayName, BodyKind = body.Kind, TimeZone = TimeZone }, nodes);
    }

    private static DemoBranch Branch(DemoBody body, (string Id, string Name) node, double diligence, DemoRandom random)
    {
        var members = random.Between(8, 20);
        var committee = members >= 15 ? 7 : members >= 10 ? 5 : 3;
        return new DemoBranch(
            body, node.Id, node.Name, diligence, committee, members - random.Between(0, 2),
            DemoPeople.Draw(random, members), Named: random.Chance(0.6), HasBrand: random.Chance(0.3));
    }

    private static SetRosterRequest Roster(DemoBranch branch)
    {
        var roster = new SetRosterRequest
        {
            RequestId = $"demo:roster:{branch.NodeId}", NodeId = branch.NodeId,
            EffectiveFrom = new Google.Type.Date { Year = 2020, Month = 1, Day = 1 },
            Secretary = branch.Secretary, CommitteeMembers = branch.Committee, Members = branch.Members, VotingMembers = branch.Voting,
        };
        if (branch.Named)
        {
            roster.CommitteeNames.AddRange(branch.People.Take(branch.Committee));
            roster.MemberNames.AddRange(branch.People);
        }

        return roster;
    }

    // Plans are concatenated year by year, then stably sorted by date: a workflow's steps keep their
    // order, and the rows up to an earlier day are a prefix-preserving subsequence of a later day's.
    // A benchmark city may start later than 1 January (fewer records per branch); the demo never does.
    // Cut later, a workflow step may follow an item dated before the cut: such a city keeps no steps.
    private static List<ImportRow> Dated(IEnumerable<IReadOnlyList<ImportRow>> years, DateOnly from, DateOnly today) =>
        years.SelectMany(rows => rows)
            .Select(row => (Row: row, Date: DateOf(row.Body)))
            .Where(x => x.Date >= from && x.Date <= today && (from.DayOfYear == 1 || !IsWorkflowStep(x.Row.Body)))
            .OrderBy(x => x.Date)
            .Select(x => x.Row)
            .ToList();
}
