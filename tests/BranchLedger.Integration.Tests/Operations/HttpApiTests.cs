using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BranchLedger.Integration.Tests.Infrastructure;
using Grpc.Reflection.V1Alpha;

namespace BranchLedger.Integration.Tests.Operations;

/// <summary>JSON transcoding (caller headers included), the OpenAPI document and gRPC reflection.</summary>
[Collection(OperationsCollection.Name)]
public sealed class HttpApiTests(ObservedPlatform platform)
{
    [Fact]
    public async Task A_meeting_recorded_as_JSON_reads_back_as_JSON_and_the_caller_comes_from_HTTP_headers()
    {
        var tenant = "tenant-json-" + Guid.NewGuid().ToString("N")[..6];
        await Nodes.EnsureAsync(platform.Directory, tenant, "office-branch", members: 30);
        using var http = Client(tenant, "json-clerk");

        using var written = await http.PostAsJsonAsync("/v1/nodes/office-branch/meetings", JsonRecords.BranchCommitteeMeeting("json-1"));
        Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        var record = (await written.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("record");
        Assert.Equal("json-clerk", record.GetProperty("recordedBy").GetString());

        var list = await http.GetFromJsonAsync<JsonElement>("/v1/nodes/office-branch/records?pageSize=10");
        var listed = Assert.Single(list.GetProperty("records").EnumerateArray());
        Assert.Equal("json-1", listed.GetProperty("requestId").GetString());
        Assert.Equal("研究部署季度党建工作", listed.GetProperty("meeting").GetProperty("topic").GetString());

        var recordId = listed.GetProperty("recordId").GetString();
        var one = await http.GetFromJsonAsync<JsonElement>($"/v1/nodes/office-branch/records/{recordId}");
        Assert.Equal("json-1", one.GetProperty("record").GetProperty("requestId").GetString());
    }

    [Fact]
    public async Task JSON_errors_carry_the_gRPC_status_and_its_field_violations()
    {
        var tenant = "tenant-json-" + Guid.NewGuid().ToString("N")[..6];
        await Nodes.EnsureAsync(platform.Directory, tenant, "office-branch", members: 30);

        using var anonymous = Client(tenant: null);
        using var unauthenticated = await anonymous.GetAsync("/v1/nodes/office-branch/records");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);

        using var http = Client(tenant);
        using var invalid = await http.PostAsJsonAsync("/v1/nodes/office-branch/meetings", new
        {
            requestId = "json-bad",
            meeting = new { kind = "MEETING_KIND_BRANCH_COMMITTEE_MEETING", date = new { year = 2026, month = 3, day = 5 }, topic = "" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var body = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("meeting.topic", body, StringComparison.Ordinal);
        Assert.Contains("google.rpc.BadRequest", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_transcoded_routes_and_the_caller_headers()
    {
        using var http = Client(tenant: null);
        var document = await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        // Path parameters take their JSON names, as in the request bodies.
        var records = paths.GetProperty("/v1/nodes/{nodeId}/records").GetProperty("get");
        Assert.Contains(records.GetProperty("parameters").EnumerateArray(),
            p => p.GetProperty("name").GetString() == "x-branchledger-tenant" && p.GetProperty("in").GetString() == "header");
        Assert.True(paths.GetProperty("/v1/nodes/{nodeId}/meetings").TryGetProperty("post", out _));
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("bearer", schemes.GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.Equal("x-api-key", schemes.GetProperty("apiKey").GetProperty("name").GetString());
        Assert.True(records.TryGetProperty("security", out _));
        Assert.True(paths.GetProperty("/v1/nodes").TryGetProperty("get", out _));

        // Anyone may read the document: its examples name no tenant of a live deployment (the demo city's are "demo-…").
        var tenantHeader = records.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "x-branchledger-tenant");
        Assert.Equal("example-body", tenantHeader.GetProperty("example").GetString());
        Assert.DoesNotContain("demo-", document.GetRawText(), StringComparison.Ordinal);

        // Every read of the scoring, ranking and rubric services is transcoded too.
        foreach (var path in new[]
        {
            "/v1/rankings/{period}/branches", "/v1/nodes/{nodeId}/ranks/{period}", "/v1/rankings/{period}/distribution",
            "/v1/nodes/{nodeId}/trend", "/v1/rankings/{period}/tenants", "/v1/nodes/{nodeId}/organisation-scores/{period}",
            "/v1/nodes/{nodeId}/scores/{period}", "/v1/rubrics", "/v1/rubrics/{version}", "/v1/tenant/obligations",
        })
        {
            Assert.True(paths.TryGetProperty(path, out var item) && item.TryGetProperty("get", out _), $"no GET {path}");
        }
    }

    [Fact]
    public async Task Rubrics_and_rankings_read_as_JSON()
    {
        using var http = Client(TestCredentials.Supervisor());
        var rubric = await http.GetFromJsonAsync<JsonElement>("/v1/rubrics/1");
        Assert.Equal(1, rubric.GetProperty("rubric").GetProperty("version").GetInt32());
        Assert.Contains("\"gradeBands\"", rubric.GetProperty("rubricJson").GetString(), StringComparison.Ordinal);

        var top = await http.GetFromJsonAsync<JsonElement>("/v1/rankings/2025/branches?pageSize=5");
        Assert.Equal(JsonValueKind.Object, top.ValueKind);
        using var bad = await http.GetAsync("/v1/rankings/2025-13/branches");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Reflection_lists_the_services()
    {
        var reflection = new ServerReflection.ServerReflectionClient(platform.Gateway.Channel());
        using var call = reflection.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("branchledger.v1.LedgerService", services);
        Assert.Contains("branchledger.v1.DirectoryService", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }

    private HttpClient Client(string? tenant, string user = "secretary") =>
        Client(tenant is null ? null : GatewayHost.As(tenant, user));

    private HttpClient Client(Grpc.Core.Metadata? caller)
    {
        var http = platform.Gateway.CreateClient();
        foreach (var entry in caller ?? [])
        {
            http.DefaultRequestHeaders.Add(entry.Key, entry.Value);
        }

        return http;
    }
}
