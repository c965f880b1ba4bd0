using BranchLedger.Api.V1;
using BranchLedger.Integration.Tests.Infrastructure;

namespace BranchLedger.Integration.Tests.Cli;

/// <summary>The CLI's tenant, tree and record imports against the real gateway: resumable, nothing recorded twice.</summary>
public sealed class CliDirectoryAndRecordTests(GatewayFixture fixture) : CliTestClass(fixture)
{
    [Fact]
    public async Task Tenant_create_and_tree_import_run_twice_create_everything_once()
    {
        const string tenant = "cli-tree";
        var created = await Cli.SucceedAsync("tenants", "create", tenant, "市残疾人联合会", "--kind", "mass_organisation");
        var again = await Cli.SucceedAsync("tenants", "create", tenant, "市残疾人联合会", "--kind", "mass_organisation");
        var tenants = Cli.Scratch("tenants.csv");
        await File.WriteAllLinesAsync(tenants, ["tenant_id,display_name,body_kind,time_zone", $"{tenant},市残疾人联合会,mass_organisation,Asia/Shanghai"]);
        var imported = await Cli.SucceedAsync("tenants", "import", tenants);
        await Cli.SucceedAsync("--tenant", tenant, "nodes", "create", "party-group", "--kind", "organisation", "--name", "机关党委");
        var first = await Cli.SucceedAsync("--tenant", tenant, "nodes", "import", CliRun.Example("tree.csv"));
        var second = await Cli.SucceedAsync("--tenant", tenant, "nodes", "import", CliRun.Example("tree.csv"));

        Assert.Contains($"{tenant}: 市残疾人联合会 (registered)", created.Out);
        Assert.Contains("(already registered)", again.Out);
        Assert.Matches($@"{tenant}\s*│\s*市残疾人联合会\s*│\s*already registered", imported.Out);
        Assert.Contains("3 nodes created, 1 already there; 2 rosters set, 0 already set", first.Out);
        Assert.Contains("0 nodes created, 4 already there; 0 rosters set, 2 already set", second.Out);
        var caller = GatewayHost.As(tenant);
        var nodes = await Fixture.Directory.ListNodesAsync(new ListNodesRequest { PageSize = 500 }, caller);
        Assert.Equal(["general-branch", "office-branch", "party-group", "service-branch"], nodes.Nodes.Select(n => n.NodeId).Order());
        Assert.Equal(2, (await Fixture.Directory.ListRostersAsync(new ListRostersRequest(), caller)).Rosters.Count);
        var branches = await Cli.SucceedAsync("--tenant", tenant, "nodes", "list", "--kind", "branch", "--json");
        Assert.Equal(["office-branch", "service-branch"], branches.Json["nodes"]!.AsArray().Select(n => (string)n!["nodeId"]!).Order());
    }

    [Fact]
    public async Task A_file_that_disagrees_with_the_tree_is_refused_before_anything_is_sent()
    {
        const string tenant = "cli-tree-clash";
        await Cli.SucceedAsync("tenants", "create", tenant, "市侨联");
        await Cli.SucceedAsync("--tenant", tenant, "nodes", "create", "other-org", "--kind", "organisation", "--name", "甲党委");
        var file = Cli.Scratch("clash.csv");
        await File.WriteAllLinesAsync(file, ["node_id,kind,name,parent_id", "party-group,organisation,机关党委,", "office-branch,branch,机关党支部,party-group", "other-org,organisation,乙党委,"]);

        var result = await Cli.RunAsync("--tenant", tenant, "nodes", "import", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("node 'other-org' exists already as organisation '甲党委'", result.Error);
        Assert.Equal(["other-org"], (await Fixture.Directory.ListNodesAsync(new ListNodesRequest(), GatewayHost.As(tenant))).Nodes.Select(n => n.NodeId));
    }

    [Fact]
    public async Task A_child_listed_before_its_parent_is_refused_before_anything_is_sent()
    {
        const string tenant = "cli-tree-order";
        await Cli.SucceedAsync("tenants", "create", tenant, "市文联");
        var file = Cli.Scratch("children-first.csv");
        await File.WriteAllLinesAsync(file, ["node_id,kind,name,parent_id", "office-branch,branch,机关党支部,party-group", "party-group,organisation,机关党委,"]);

        var result = await Cli.RunAsync("--tenant", tenant, "nodes", "import", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("line 2: parent 'party-group' comes later in the file", result.Error);
        Assert.Empty((await Fixture.Directory.ListNodesAsync(new ListNodesRequest(), GatewayHost.As(tenant))).Nodes);
    }

    [Fact]
    public async Task Records_from_csv_and_json_are_recorded_once_and_replayed_when_run_again()
    {
        const string tenant = "cli-records";
        await SetUpTreeAsync(tenant);

        var csv = await Cli.SucceedAsync("--tenant", tenant, "--json", "records", "import", CliRun.Example("records.csv"));
        var json = await Cli.SucceedAsync("--tenant", tenant, "--json", "records", "import", CliRun.Example("records.json"));
        var csvAgain = await Cli.SucceedAsync("--tenant", tenant, "--json", "records", "import", CliRun.Example("records.csv"));
        var jsonAgain = await Cli.SucceedAsync("--tenant", tenant, "records", "import", CliRun.Example("records.json"), "--batch-size", "1");

        Assert.Equal((4, 0, 0), Counts(csv));
        Assert.Equal((3, 0, 0), Counts(json));
        Assert.Equal((0, 4, 0), Counts(csvAgain));
        Assert.Matches(@"replayed \(already there\)\s*│\s*3", jsonAgain.Out);
        Assert.Matches(@"accepted \(new\)\s*│\s*0", jsonAgain.Out);
        var caller = GatewayHost.As(tenant);
        var office = await Fixture.Ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = "office-branch" }, caller);
        var service = await Fixture.Ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = "service-branch" }, caller);
        var partyGroup = await Fixture.Ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = "party-group" }, caller);
        Assert.Equal(3, office.Records.Count);
        Assert.Equal(3, service.Records.Count);
        // The quarterly review is the party group's (a branch is refused it): the example records it there.
        Assert.Equal("oa-2026-0042", Assert.Single(partyGroup.Records).RequestId);
        Assert.Single(service.Records, r => r.Evidence.Count == 1);
        var listed = await Cli.SucceedAsync("--tenant", tenant, "records", "list", "service-branch");
        Assert.Contains("先进基层党组织", listed.Out);
        Assert.Contains("3 records", listed.Out);
    }

    [Fact]
    public async Task Bad_rows_are_reported_with_their_field_errors_and_a_non_zero_exit()
    {
        const string tenant = "cli-bad-rows";
        await SetUpTreeAsync(tenant);
        var file = Cli.Scratch("bad.csv");
        await File.WriteAllLinesAsync(file,
        [
            "node_id,type,date,kind,topic,attendees,expected_attendees",
            "office-branch,meeting,2026-03-05,branch_committee_meeting,研究部署季度党建工作,5,5",
            "office-branch,meeting,2026-03-06,branch_committee_meeting,,5,5",
            "office-branch,meeting,2026-13-01,branch_committee_meeting,研究发展党员工作,5,5",
        ]);

        var result = await Cli.RunAsync("--tenant", tenant, "records", "import", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"accepted \(new\)\s*│\s*1", result.Out);
        Assert.Matches(@"rejected\s*│\s*2", result.Out);
        Assert.Matches(@"line 3\s*│\s*office-branch\s*│\s*meeting\.topic", result.Out);
        Assert.Matches(@"line 4\s*│\s*office-branch\s*│\s*meeting\.date\s*│\s*'2026-13-01' is not a day", result.Out);
        var records = await Fixture.Ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = "office-branch" }, GatewayHost.As(tenant));
        Assert.Single(records.Records);
    }

    [Fact]
    public async Task A_refused_call_prints_its_status_and_field_violations_without_a_stack_trace()
    {
        const string tenant = "cli-refused";
        await SetUpTreeAsync(tenant);

        var result = await Cli.RunAsync("--tenant", tenant, "nodes", "create", "Not_A_Slug", "--kind", "branch", "--name", "x", "--parent", "party-group");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("invalid argument: ", result.Error);
        Assert.Contains("  node_id: ", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    private async Task SetUpTreeAsync(string tenant)
    {
        await Cli.SucceedAsync("tenants", "create", tenant, "市总工会");
        await Cli.SucceedAsync("--tenant", tenant, "nodes", "import", CliRun.Example("tree.csv"));
    }

    private static (int Accepted, int Replayed, int Rejected) Counts(CliResult result) =>
        ((int)result.Json["accepted"]!, (int)result.Json["replayed"]!, (int)result.Json["rejected"]!);
}
