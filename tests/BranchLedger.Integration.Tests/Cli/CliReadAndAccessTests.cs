using System.Text.Json.Nodes;
using BranchLedger.Integration.Tests.Infrastructure;
using BranchLedger.Integration.Tests.Rankings;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace BranchLedger.Integration.Tests.Cli;

/// <summary>The CLI's rankings tables, report downloads, tokens, whoami and API keys against the real gateway.</summary>
public sealed class CliReadAndAccessTests(GatewayFixture fixture) : CliTestClass(fixture)
{
    [Fact]
    public async Task Rankings_top_and_compare_show_the_imported_branches_as_tables()
    {
        const string tenant = "cli-rankings";
        await SetUpAsync(tenant);
        // Scores keep arriving for a moment after the import: read the table between two equal JSON
        // readings, so the table and the figures it is checked against describe the same ranking.
        Task<CliResult> Json() => Cli.SucceedAsync("--tenant", tenant, "--json", "rankings", "top", "--period", "2026", "--scope", "tenant");
        var (top, table, after) = await Poll.UntilAsync(
            async () => (await Json(), await Cli.SucceedAsync("--tenant", tenant, "rankings", "top", "--period", "2026", "--scope", "tenant"), await Json()),
            r => r.Item1.Json["branches"]?.AsArray().Count == 3 && r.Item1.Out == r.Item3.Out);
        Assert.Equal(top.Out, after.Out);
        Assert.Equal(["general-branch", "office-branch", "service-branch"], top.Json["branches"]!.AsArray().Select(b => (string)b!["nodeId"]!).Order());

        // The same for the comparison: its table is checked against the JSON of the same scores.
        Task<CliResult> ComparedJson() => Cli.SucceedAsync("--tenant", tenant, "--json", "rankings", "compare", "--period", "2026", "office-branch", "service-branch");
        var (compared, compare, comparedAfter) = await Poll.UntilAsync(
            async () => (await ComparedJson(), await Cli.SucceedAsync("--tenant", tenant, "rankings", "compare", "--period", "2026", "office-branch", $"{tenant}/service-branch"), await ComparedJson()),
            r => r.Item1.Out == r.Item3.Out);
        Assert.Equal(compared.Out, comparedAfter.Out);

        var first = top.Json["branches"]![0]!;
        Assert.Contains("tenant ranking 2026: 3 branches", table.Out);
        Assert.Matches($@"│\s*1\s*│\s*{(double)first["total"]!:0.##}\s*│\s*{(string)first["grade"]!}\s*│\s*{tenant}\s*│\s*{(string)first["nodeId"]!}", table.Out);
        Assert.Contains("机关第一党支部", compare.Out);
        Assert.Contains("服务中心党支部", compare.Out);
        Assert.Matches(@"│\s*grade\s*│", compare.Out);
        var indicator = compared.Json["indicators"]![0]!;
        var cell = indicator["cells"]![0]!;
        var points = cell["present"] is null ? "-" : $"{(double?)cell["points"] ?? 0:0.##}/{(double?)cell["maxPoints"] ?? 0:0.##}";
        Assert.Matches($@"│\s*{(string)indicator["indicatorId"]!}\s*│\s*({System.Text.RegularExpressions.Regex.Escape(points)}|n/a)", compare.Out);
    }

    [Fact]
    public async Task Report_generate_writes_a_valid_word_document_and_markdown()
    {
        const string tenant = "cli-report";
        await SetUpAsync(tenant);
        var docx = Cli.Scratch("report.docx");
        var markdown = Cli.Scratch("report.md");

        var wrote = await Cli.SucceedAsync("--tenant", tenant, "report", "generate", "party-group", "2026", "-o", docx);
        await Cli.SucceedAsync("--tenant", tenant, "report", "generate", "party-group", "2026", "--format", "md", "-o", markdown);

        Assert.Contains(docx, wrote.Out);
        using (var document = WordprocessingDocument.Open(docx, false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(document));
            Assert.Contains("述职报告", document.MainDocumentPart!.Document!.InnerText);
        }

        Assert.StartsWith("# 市妇联党组书记抓基层党建工作述职报告", await File.ReadAllTextAsync(markdown));
        Assert.False(File.Exists(docx + ".partial"));
    }

    [Fact]
    public async Task A_minted_token_is_who_whoami_reports()
    {
        var token = (await Cli.SucceedAsync("--user", "alice", "token", "supervisor@*", "--hours", "1")).Out.Trim();
        var asAlice = await Cli.SucceedAsync("--token", token, "--json", "whoami");
        var local = await Cli.SucceedAsync("--tenant", "cli-whoami", "whoami");

        Assert.DoesNotContain('\n', token);
        Assert.Equal("alice", (string)asAlice.Json["subject"]!);
        Assert.Equal(["supervisor@*"], asAlice.Json["grants"]!.AsArray().Select(g => (string)g!));
        Assert.StartsWith("cli via ", local.Out);
        Assert.Contains("tenant-admin@cli-whoami", local.Out);
        var refused = await Cli.RunAsync("token", "not-a-grant");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("'not-a-grant' is not a valid grant", refused.Error);
    }

    [Fact]
    public async Task An_api_key_is_created_listed_used_and_revoked()
    {
        const string tenant = "cli-keys";
        await Cli.SucceedAsync("tenants", "create", tenant, "团市委");

        var created = await Cli.SucceedAsync("--tenant", tenant, "--json", "api-keys", "create", "OA sync", $"system-client@{tenant}!records.write,tenant.read", "--days", "30");
        var keyId = (string)created.Json["key"]!["keyId"]!;
        var keyText = (string)created.Json["keyText"]!;
        var whoami = await Cli.SucceedAsync("--api-key", keyText, "--tenant", tenant, "whoami");
        var listed = await Cli.SucceedAsync("--tenant", tenant, "api-keys", "list");
        await Cli.SucceedAsync("--tenant", tenant, "api-keys", "revoke", keyId);
        var afterRevoke = await Cli.RunAsync("--api-key", keyText, "--tenant", tenant, "whoami");

        Assert.Contains("api-key", whoami.Out, StringComparison.OrdinalIgnoreCase);
        Assert.Matches($@"{keyId}\s*│\s*active\s*│\s*OA sync", listed.Out);
        Assert.Equal(1, afterRevoke.ExitCode);
        Assert.StartsWith("not signed in", afterRevoke.Error);
    }

    private async Task SetUpAsync(string tenant)
    {
        await Cli.SucceedAsync("tenants", "create", tenant, "市妇联");
        await Cli.SucceedAsync("--tenant", tenant, "nodes", "import", CliRun.Example("tree.csv"));
        await Cli.SucceedAsync("--tenant", tenant, "records", "import", CliRun.Example("records.csv"));
        await Cli.SucceedAsync("--tenant", tenant, "records", "import", CliRun.Example("records.json"));
    }
}
