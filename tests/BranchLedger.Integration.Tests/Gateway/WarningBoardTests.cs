using BranchLedger.Api.V1;
using BranchLedger.Contracts;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Grains.Ledger;
using BranchLedger.Integration.Tests.Infrastructure;
using Grpc.Core;
using Npgsql;

namespace BranchLedger.Integration.Tests.Gateway;

/// <summary>Warnings raised by each ledger's daily reminder, listed tenant-wide from one board.</summary>
public sealed class WarningBoardTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private readonly LedgerService.LedgerServiceClient _ledger = fixture.Ledger;

    private async Task RaiseOverdueFinding(string tenant, string node, string findingId)
    {
        await fixture.EnsureAsync(tenant, node);
        await _ledger.RaiseFindingAsync(new RaiseFindingRequest
        {
            NodeId = node, RequestId = "raise-" + findingId,
            Finding = new Finding
            {
                Date = new Google.Type.Date { Year = 2025, Month = 2, Day = 1 }, FindingId = findingId, Source = "巡察", Finding_ = "整改不到位",
                Measures = { "整改" }, ResponsiblePerson = "甲", Type = RemediationType.ByDeadline, Deadline = new Google.Type.Date { Year = 2025, Month = 3, Day = 31 },
            },
        }, GatewayHost.As(tenant));
    }

    [Fact]
    public async Task Each_ledger_publishes_its_warnings_and_the_tenant_lists_them_from_one_board()
    {
        await RaiseOverdueFinding("tenant-board", "branch-w1", "finding-w1");
        await RaiseOverdueFinding("tenant-board", "branch-w2", "finding-w2");
        await RaiseOverdueFinding("tenant-board-other", "branch-w1", "finding-other");

        foreach (var (tenant, node) in new[] { ("tenant-board", "branch-w1"), ("tenant-board", "branch-w2"), ("tenant-board-other", "branch-w1") })
        {
            await fixture.Grains.GetGrain<ILedgerGrain>(GrainKeys.Ledger(tenant, node)).RaiseWarnings();
        }

        var all = await _ledger.ListWarningsAsync(new ListWarningsRequest { PageSize = 500 }, GatewayHost.As("tenant-board"));
        var one = await _ledger.ListWarningsAsync(new ListWarningsRequest { NodeId = "branch-w2", PageSize = 500 }, GatewayHost.As("tenant-board"));
        Assert.True(all.Warnings.Count < 500 && all.NextPageToken.Length == 0);

        var findings = all.Warnings.Where(w => w.Warning.Kind == WarningKind.OverdueFinding).ToList();
        Assert.Equal(["finding-w1", "finding-w2"], findings.Select(w => w.Warning.SubjectId));
        Assert.All(findings, w => Assert.True(w.Warning.DaysOverdue > 0));
        Assert.Contains(all.Warnings, w => w.Warning.Kind == WarningKind.MissedObligation && w.NodeId == "branch-w1");
        Assert.All(one.Warnings, w => Assert.Equal("branch-w2", w.NodeId));
        Assert.DoesNotContain(all.Warnings, w => w.Warning.SubjectId == "finding-other");
    }

    [Fact]
    public async Task Supervisors_list_the_city_wide_warnings_from_every_tenants_board_and_filter_by_tenant()
    {
        await RaiseOverdueFinding("city-warn-a", "branch-x", "finding-a");
        await RaiseOverdueFinding("city-warn-b", "branch-y", "finding-b");
        await fixture.Grains.GetGrain<ILedgerGrain>(GrainKeys.Ledger("city-warn-a", "branch-x")).RaiseWarnings();
        await fixture.Grains.GetGrain<ILedgerGrain>(GrainKeys.Ledger("city-warn-b", "branch-y")).RaiseWarnings();

        var supervisor = TestCredentials.Supervisor();
        var all = new List<CityWarning>();
        var token = "";
        do
        {
            var page = await fixture.Ranking.ListCityWarningsAsync(new ListCityWarningsRequest { PageSize = 3, PageToken = token }, supervisor);
            all.AddRange(page.Warnings);
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        var onlyB = await fixture.Ranking.ListCityWarningsAsync(new ListCityWarningsRequest { TenantId = "city-warn-b", PageSize = 500 }, supervisor);
        var bad = await Assert.ThrowsAsync<RpcException>(() => fixture.Ranking.ListCityWarningsAsync(
            new ListCityWarningsRequest { TenantId = "Not A Slug", PageSize = -1 }, supervisor).ResponseAsync);

        Assert.Contains(all, w => w.TenantId == "city-warn-a" && w.Warning.Warning.SubjectId == "finding-a");
        Assert.Contains(all, w => w.TenantId == "city-warn-b" && w.Warning.Warning.SubjectId == "finding-b");
        Assert.Equal(all.Select(w => w.TenantId).Order(StringComparer.Ordinal), all.Select(w => w.TenantId));
        Assert.All(onlyB.Warnings, w => Assert.Equal("city-warn-b", w.TenantId));
        Assert.Contains(onlyB.Warnings, w => w.Warning.Warning.Kind == WarningKind.OverdueFinding);
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
    }

    [Fact]
    public async Task A_ledger_registers_its_daily_reminder_in_the_reminders_table()
    {
        await fixture.EnsureAsync("tenant-board", "branch-reminded");
        await _ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = "branch-reminded" }, GatewayHost.As("tenant-board"));

        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            "select period from orleansreminderstable where remindername = @name and grainid like @grain", connection);
        query.Parameters.AddWithValue("name", LedgerGrain.WarningsReminder);
        query.Parameters.AddWithValue("grain", "%tenant-board/branch-reminded");
        var period = await query.ExecuteScalarAsync();

        Assert.Equal((long)TimeSpan.FromDays(1).TotalMilliseconds, Convert.ToInt64(period, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_malformed_node_filter_is_an_invalid_argument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _ledger.ListWarningsAsync(new ListWarningsRequest { NodeId = "Bad/Node" }, GatewayHost.As("tenant-board")).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }
}
