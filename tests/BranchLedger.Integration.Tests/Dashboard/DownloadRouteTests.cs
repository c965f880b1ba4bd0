using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BranchLedger.Auth;
using BranchLedger.Domain.Access;
using BranchLedger.Integration.Tests.Infrastructure;
using BranchLedger.Integration.Tests.Rankings;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Row = DocumentFormat.OpenXml.Spreadsheet.Row;

namespace BranchLedger.Integration.Tests.Dashboard;

/// <summary>
/// The dashboard's downloads (/v1/downloads/…): the file-streaming RPCs over plain HTTP GET, with the
/// same credential and permission as the RPCs, and refusals as problem documents.
/// </summary>
[Collection(RankingGatewayCollection.Name)]
public sealed class DownloadRouteTests(RankingGatewayFixture fixture)
{
    private const string Period = "2023";
    private const string ReportTenant = "tenant-downloads";
    private const string ReportNode = "download-branch";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static readonly string RankingRoute = $"/v1/downloads/rankings/{Period}?scope=RANKING_SCOPE_CITY";
    private static readonly string ReportRoute = $"/v1/downloads/nodes/{ReportNode}/annual-report/2026";

    [Fact]
    public async Task A_supervisor_downloads_the_city_ranking_as_a_workbook_and_a_branch_report_as_a_word_file()
    {
        await fixture.PushAsync(SmallCity.Scores(Period));
        await Nodes.EnsureAsync(fixture.Grains, ReportTenant, ReportNode, members: 8);
        using var supervisor = Client(TestCredentials.Token("city-supervisor", [Grant.Everywhere(Role.Supervisor)]));
        await Poll.UntilAsync(
            () => supervisor.GetFromJsonAsync<JsonElement>($"/v1/rankings/{Period}/branches?scope=RANKING_SCOPE_CITY"),
            r => r.GetProperty("rankedCount").GetInt64() == SmallCity.Order.Length);

        using var ranking = await supervisor.GetAsync(RankingRoute);
        Assert.Equal(HttpStatusCode.OK, ranking.StatusCode);
        Assert.Equal(Xlsx, ranking.Content.Headers.ContentType?.MediaType);
        Assert.Equal(("attachment", $"ranking-{Period}.xlsx"), Disposition(ranking));
        using (var book = SpreadsheetDocument.Open(new MemoryStream(await ranking.Content.ReadAsByteArrayAsync()), false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(book));
            var rows = book.WorkbookPart!.WorksheetParts.Single().Worksheet!.Descendants<Row>().ToList();
            Assert.Equal(1 + SmallCity.Order.Length, rows.Count); // a header row, then every branch of the city
            Assert.Contains("branch-b1", rows[1].InnerText, StringComparison.Ordinal);
        }

        // A branch page's report: the branch's tenant named, as the page names it for every branch read.
        using var report = await supervisor.SendAsync(Get(ReportRoute, ReportTenant));
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Equal(Docx, report.Content.Headers.ContentType?.MediaType);
        Assert.Equal(("attachment", $"annual-report-{ReportNode}-2026.docx"), Disposition(report));
        using var docx = WordprocessingDocument.Open(new MemoryStream(await report.Content.ReadAsByteArrayAsync()), false);
        Assert.Empty(new OpenXmlValidator().Validate(docx));
        Assert.Contains("述职报告", docx.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Downloads_refuse_an_anonymous_caller_and_a_tenant_admin_outside_their_tenant()
    {
        await Nodes.EnsureAsync(fixture.Grains, ReportTenant, ReportNode);
        using var anonymous = fixture.Http();
        foreach (var route in new[] { RankingRoute, ReportRoute })
        {
            using var refused = await anonymous.GetAsync(route);
            var problem = await ProblemAsync(refused, HttpStatusCode.Unauthorized);
            Assert.Equal("Unauthenticated", problem.GetProperty("code").GetString());
            Assert.Equal("Bearer", refused.Headers.WwwAuthenticate.Single().Scheme);
        }

        // The admin of another tenant: the city ranking needs a city-wide role, another tenant's nodes a grant there.
        using var other = Client(TestCredentials.Token("other-admin", [Grant.For(Role.TenantAdmin, "tenant-other")]));
        await ProblemAsync(await other.GetAsync(RankingRoute), HttpStatusCode.Forbidden);
        await ProblemAsync(await other.SendAsync(Get(ReportRoute, ReportTenant)), HttpStatusCode.Forbidden);
        // Without naming a tenant it acts in its own, where the node does not exist.
        await ProblemAsync(await other.GetAsync(ReportRoute), HttpStatusCode.NotFound);
        // Its own tenant's ranking is its to export (an empty one here).
        using var own = await other.GetAsync($"/v1/downloads/rankings/{Period}?scope=tenant&format=csv");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(("attachment", $"ranking-{Period}.csv"), Disposition(own));
    }

    [Fact]
    public async Task Bad_parameters_are_refused_with_their_field_errors()
    {
        using var supervisor = Client(TestCredentials.Token("city-supervisor", [Grant.Everywhere(Role.Supervisor)]));

        // Checked by the RPC itself ...
        var period = await ProblemAsync(await supervisor.GetAsync("/v1/downloads/rankings/2023-13"), HttpStatusCode.BadRequest);
        Assert.Equal("InvalidArgument", period.GetProperty("code").GetString());
        Assert.True(period.GetProperty("errors").TryGetProperty("period", out _), period.ToString());
        var year = await ProblemAsync(await supervisor.SendAsync(Get($"/v1/downloads/nodes/{ReportNode}/annual-report/1999", ReportTenant)), HttpStatusCode.BadRequest);
        Assert.True(year.GetProperty("errors").TryGetProperty("year", out _), year.ToString());

        // ... and what the route could not read at all.
        var format = await ProblemAsync(await supervisor.GetAsync($"{RankingRoute}&format=pdf&scope=galaxy"), HttpStatusCode.BadRequest);
        Assert.Equal(["format", "scope"], format.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        Assert.Contains("EXPORT_FORMAT_XLSX", format.GetProperty("errors").GetProperty("format")[0].GetString(), StringComparison.Ordinal);
        var notANumber = await ProblemAsync(await supervisor.SendAsync(Get($"/v1/downloads/nodes/{ReportNode}/annual-report/next", ReportTenant)), HttpStatusCode.BadRequest);
        Assert.True(notANumber.GetProperty("errors").TryGetProperty("year", out _), notANumber.ToString());
    }

    private HttpClient Client(string token)
    {
        var http = fixture.Http();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static HttpRequestMessage Get(string route, string tenant) =>
        new(HttpMethod.Get, route) { Headers = { { BranchLedgerClaims.TenantHeader, tenant } } };

    private static (string? Type, string? FileName) Disposition(HttpResponseMessage response)
    {
        var disposition = response.Content.Headers.ContentDisposition;
        return (disposition?.DispositionType, disposition?.FileNameStar);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        using var _ = response;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()), body);
        return problem;
    }
}
