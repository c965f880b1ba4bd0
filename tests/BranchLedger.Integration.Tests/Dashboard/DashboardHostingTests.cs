using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using BranchLedger.Integration.Tests.Infrastructure;
using BranchLedger.Integration.Tests.Rankings;

namespace BranchLedger.Integration.Tests.Dashboard;

/// <summary>
/// The dashboard's static files come from the gateway without credentials; the data they show does not.
/// </summary>
[Collection(RankingGatewayCollection.Name)]
public sealed partial class DashboardHostingTests(RankingGatewayFixture fixture)
{
    [Fact]
    public async Task The_page_and_every_module_it_imports_are_served_without_credentials()
    {
        using var http = fixture.Http();

        // The former dashboard address leads into the web app.
        using var former = await http.GetAsync("/dashboard/");
        Assert.Equal("/app/", former.RequestMessage?.RequestUri?.AbsolutePath);
        using var bare = await http.GetAsync("/app");
        Assert.Equal("/app/", bare.RequestMessage?.RequestUri?.AbsolutePath); // redirected to the folder

        using var page = await http.GetAsync("/app/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("<script type=\"module\" src=\"app.js\"></script>", html, StringComparison.Ordinal);

        // Follow the imports from the entry module: a module missing from the assembly breaks the page.
        var pending = new Queue<string>(["app.js"]);
        var served = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryDequeue(out var module))
        {
            if (!served.Add(module))
            {
                continue;
            }

            using var script = await http.GetAsync("/app/" + module);
            Assert.True(script.StatusCode == HttpStatusCode.OK, module + " was not served");
            Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
            foreach (Match import in ImportOf().Matches(await script.Content.ReadAsStringAsync()))
            {
                pending.Enqueue(import.Groups[1].Value);
            }
        }

        Assert.Superset(new HashSet<string>
        {
            "app.js", "api.js", "routes.js", "signin.js", "caller.js", "catalogue.js", "home.js", "recordform.js", "attendance.js", "records.js", "work.js",
            "matrix.js", "review.js", "reports.js", "directory.js", "access.js", "ranking.js", "branch.js", "chart.js", "format.js", "rubric.js",
            "compare.js", "overview.js", "exports.js",
        }, served);
        Assert.DoesNotContain("unsafe-inline", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        using var styles = await http.GetAsync("/app/styles.css");
        Assert.Equal("text/css", styles.Content.Headers.ContentType?.MediaType);
        using var missing = await http.GetAsync("/app/missing.js");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task The_routes_the_dashboard_reads_need_a_credential_and_answer_a_supervisor()
    {
        await fixture.PushAsync(SmallCity.Scores("2021"));
        await Nodes.EnsureAsync(fixture.Grains, "tenant-a", "branch-a2"); // a node of the directory, as every ranked branch is
        string[] routes =
        [
            "/v1/access/caller", "/v1/rubrics/0", "/v1/rankings/2021/branches?scope=RANKING_SCOPE_CITY&pageSize=3",
            "/v1/nodes/branch-a2/ranks/2021", "/v1/nodes/branch-a2/scores/2021",
            "/v1/nodes/branch-a2/trend?periodKind=RANKING_PERIOD_KIND_MONTH&fromPeriod=2021-01&toPeriod=2021-12",
        ];
        using var anonymous = fixture.Http();
        foreach (var route in routes)
        {
            using var refused = await anonymous.GetAsync(route);
            Assert.True(refused.StatusCode == HttpStatusCode.Unauthorized, $"{route}: {refused.StatusCode}");
        }

        // As the page calls them: a bearer token, and the branch's tenant named for branch reads.
        using var supervisor = fixture.Http();
        var token = TestCredentials.Supervisor().GetValue("authorization")!;
        supervisor.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(token);
        supervisor.DefaultRequestHeaders.Add("x-branchledger-tenant", "tenant-a");
        var ranking = await Poll.UntilAsync(
            () => supervisor.GetFromJsonAsync<JsonElement>(routes[2]),
            r => r.GetProperty("rankedCount").GetInt64() == 8);
        var first = ranking.GetProperty("branches")[0];
        Assert.Equal((1L, "tenant-b", "branch-b1"), (first.GetProperty("rank").GetInt64(), first.GetProperty("tenantId").GetString(), first.GetProperty("nodeId").GetString()));
        Assert.False(string.IsNullOrEmpty(ranking.GetProperty("nextPageToken").GetString()));

        var rank = await supervisor.GetFromJsonAsync<JsonElement>(routes[3]);
        Assert.Equal((80.0, 3L), (rank.GetProperty("total").GetDouble(), rank.GetProperty("city").GetProperty("rank").GetInt64()));
        var trend = await supervisor.GetFromJsonAsync<JsonElement>(routes[5]);
        Assert.Equal(12, trend.GetProperty("points").GetArrayLength());

        // A comparison across tenants, with and without a tenant named.
        using var anywhere = fixture.Http();
        anywhere.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(token);
        foreach (var client in new[] { supervisor, anywhere })
        {
            using var compared = await client.PostAsJsonAsync("/v1/rankings:compare", new
            {
                period = "2021",
                branches = new[] { new { tenantId = "tenant-b", nodeId = "branch-b1" }, new { tenantId = "tenant-c", nodeId = "branch-c2" } },
            });
            var body = await compared.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(body.GetProperty("branches").EnumerateArray().All(b => b.TryGetProperty("ranked", out var r) && r.GetBoolean()), body.ToString());
        }
    }

    // The dashboard's own relative imports: `from './x.js'`.
    [GeneratedRegex(@"from '\./([a-z-]+\.js)'")]
    private static partial Regex ImportOf();
}
