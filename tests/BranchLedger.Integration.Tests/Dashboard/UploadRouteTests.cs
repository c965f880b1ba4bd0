using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BranchLedger.Auth;
using BranchLedger.Domain.Access;
using BranchLedger.Integration.Tests.Infrastructure;
using BranchLedger.Integration.Tests.Rankings;
using BranchLedger.Reports;

namespace BranchLedger.Integration.Tests.Dashboard;

/// <summary>
/// The records upload (/v1/uploads/nodes/{node}/records:import): a CSV or Excel file in the CLI's records
/// format, imported through ImportRecords with its credential and permission; a result per row; the
/// same rows again (in either format) record nothing twice.
/// </summary>
[Collection(UploadGatewayCollection.Name)]
public sealed class UploadRouteTests(RankingGatewayFixture fixture)
{
    private const string Tenant = "tenant-uploads";
    private const string Branch = "upload-branch";
    private const string Route = $"/v1/uploads/nodes/{Branch}/records:import";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // Two good rows, a day that does not exist, a kind that does not exist, more present than expected.
    private const string Csv = """
        type,kind,date,topic,attendees,expected_attendees
        meeting,branch_committee_meeting,2026-04-10,四月支委会,5,7
        meeting,branch_committee_meeting,2026-05-12,五月支委会,6,7
        meeting,branch_committee_meeting,2026-13-01,日期有误,5,7
        banquet,,2026-04-10,不存在的类型,,
        meeting,branch_committee_meeting,2026-06-10,人数有误,9,7

        """;

    [Fact]
    public async Task An_office_uploads_a_csv_with_a_result_per_row_and_the_same_rows_again_as_csv_or_excel_record_nothing_twice()
    {
        // No roster: the branch never comes into force, so its records push no score into the city
        // rankings the other classes of this collection count.
        await Nodes.EnsureAsync(fixture.Grains, Tenant, Branch);
        using var office = Client(TestCredentials.Token("upload-office", [Grant.For(Role.TenantAdmin, Tenant)]));

        var first = await UploadAsync(office, Encoding.UTF8.GetBytes(Csv), "text/csv");
        Assert.Equal((2, 0, 3), Counts(first));
        var rows = first.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal([2, 3, 4, 5, 6], rows.Select(r => r.GetProperty("line").GetInt32()));
        Assert.Equal(["IMPORT_OUTCOME_ACCEPTED", "IMPORT_OUTCOME_ACCEPTED", "IMPORT_OUTCOME_REJECTED", "IMPORT_OUTCOME_REJECTED", "IMPORT_OUTCOME_REJECTED"],
            rows.Select(r => r.GetProperty("outcome").GetString()));
        Assert.StartsWith("meeting.date", Field(rows[2]), StringComparison.Ordinal); // read by the shared parser
        Assert.Equal("type", Field(rows[3]));
        Assert.Contains("attendees", Field(rows[4]), StringComparison.Ordinal); // refused by ImportRecords' checks
        var recorded = await CountAsync(office);
        Assert.Equal(2, recorded);

        // The same file again: the rows' request ids come from their content.
        Assert.Equal((0, 2, 3), Counts(await UploadAsync(office, Encoding.UTF8.GetBytes(Csv), "text/csv")));

        // The same two rows typed into a workbook (a day as a date cell, a number as a number): the same records.
        using var book = new MemoryStream();
        XlsxWriter.Write([new ExportTable("records", ["type", "kind", "date", "topic", "attendees", "expected_attendees"],
        [
            ["meeting", "branch_committee_meeting", "2026-04-10", "四月支委会", 5, 7],
            ["meeting", "branch_committee_meeting", "2026-05-12", "五月支委会", 6, 7],
        ])], book);
        var again = await UploadAsync(office, book.ToArray(), Xlsx);
        Assert.Equal((0, 2, 0), Counts(again));
        Assert.Equal(recorded, await CountAsync(office));
    }

    [Fact]
    public async Task The_upload_needs_a_credential_the_permission_on_that_branch_and_a_file_within_the_limits()
    {
        await Nodes.EnsureAsync(fixture.Grains, Tenant, Branch);
        await Nodes.EnsureAsync(fixture.Grains, Tenant, "upload-other");
        using var anonymous = fixture.Http();
        var refused = await ProblemAsync(await anonymous.PostAsync(Route, Content(Encoding.UTF8.GetBytes(Csv), "text/csv")), HttpStatusCode.Unauthorized);
        Assert.Equal("Unauthenticated", refused.GetProperty("code").GetString());

        // The secretary of another branch may write there, not here: refused as ImportRecords refuses them.
        using var otherSecretary = Client(TestCredentials.Token("other-secretary", [Grant.For(Role.BranchSecretary, Tenant, ["upload-other"])]));
        using var office = Client(TestCredentials.Token("upload-office", [Grant.For(Role.TenantAdmin, Tenant)]));
        var before = await CountAsync(office);
        await ProblemAsync(await otherSecretary.PostAsync(Route, Content(Encoding.UTF8.GetBytes(Csv), "text/csv")), HttpStatusCode.Forbidden);
        Assert.Equal(before, await CountAsync(office));

        // More than the limit is refused before it is read; so is a file of another kind, or one that is not a table.
        var large = new byte[UploadLimit + 1];
        Array.Fill(large, (byte)'a');
        await ProblemAsync(await office.PostAsync(Route, Content(large, "text/csv")), HttpStatusCode.RequestEntityTooLarge);
        await ProblemAsync(await office.PostAsync(Route, Content("{}"u8.ToArray(), "application/json")), HttpStatusCode.UnsupportedMediaType);
        var notABook = await ProblemAsync(await office.PostAsync(Route, Content("not a workbook"u8.ToArray(), Xlsx)), HttpStatusCode.BadRequest);
        Assert.True(notABook.GetProperty("errors").TryGetProperty("file", out _), notABook.ToString());
        Assert.Equal(before, await CountAsync(office));
    }

    [Fact]
    public async Task The_ledger_downloads_as_a_valid_workbook_for_its_tenant_and_not_without_a_credential()
    {
        // No roster: the branch never comes into force, so its records push no score into the city
        // rankings the other classes of this collection count.
        await Nodes.EnsureAsync(fixture.Grains, Tenant, Branch);
        using var office = Client(TestCredentials.Token("upload-office", [Grant.For(Role.TenantAdmin, Tenant)]));
        await UploadAsync(office, Encoding.UTF8.GetBytes(Csv), "text/csv");

        using var ledger = await office.GetAsync($"/v1/downloads/nodes/{Branch}/ledger/2026?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, ledger.StatusCode);
        Assert.Equal(Xlsx, ledger.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"ledger-{Branch}-2026.xlsx", ledger.Content.Headers.ContentDisposition?.FileNameStar);
        using var book = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await ledger.Content.ReadAsByteArrayAsync()), false);
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(book));
        Assert.Contains("四月支委会", book.WorkbookPart!.SharedStringTablePart?.SharedStringTable.InnerText + string.Concat(book.WorkbookPart.WorksheetParts.Select(w => w.Worksheet.InnerText)), StringComparison.Ordinal);

        using var csv = await office.GetAsync($"/v1/downloads/nodes/{Branch}/ledger/2026-Q2?format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Contains("五月支委会", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var anonymous = fixture.Http();
        await ProblemAsync(await anonymous.GetAsync($"/v1/downloads/nodes/{Branch}/ledger/2026"), HttpStatusCode.Unauthorized);
        var period = await ProblemAsync(await office.GetAsync($"/v1/downloads/nodes/{Branch}/ledger/2026-13"), HttpStatusCode.BadRequest);
        Assert.True(period.GetProperty("errors").TryGetProperty("period", out _), period.ToString());
    }

    private const int UploadLimit = 1 << 20;

    private static (int Accepted, int Duplicates, int Rejected) Counts(JsonElement answer) =>
        (answer.GetProperty("accepted").GetInt32(), answer.GetProperty("duplicates").GetInt32(), answer.GetProperty("rejected").GetInt32());

    private static string Field(JsonElement row) => row.GetProperty("violations")[0].GetProperty("field").GetString() ?? "";

    private static async Task<JsonElement> UploadAsync(HttpClient client, byte[] file, string type)
    {
        using var response = await client.PostAsync(Route, Content(file, type));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<int> CountAsync(HttpClient client)
    {
        var ledger = await client.GetFromJsonAsync<JsonElement>($"/v1/nodes/{Branch}/records?pageSize=500");
        return ledger.TryGetProperty("records", out var records) ? records.GetArrayLength() : 0;
    }

    private static ByteArrayContent Content(byte[] file, string type)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return content;
    }

    private HttpClient Client(string token)
    {
        var http = fixture.Http();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        http.DefaultRequestHeaders.Add(BranchLedgerClaims.TenantHeader, Tenant);
        return http;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        using var _ = response;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()), body);
        return problem;
    }
}

/// <summary>
/// The uploads on a gateway and silo of their own: the ranking classes of <see cref="RankingGatewayCollection"/>
/// count every branch of their city, and a ledger written by an upload beside them upset those counts.
/// </summary>
[CollectionDefinition(Name)]
public sealed class UploadGatewayCollection : ICollectionFixture<RankingGatewayFixture>
{
    public const string Name = "upload-gateway";
}
