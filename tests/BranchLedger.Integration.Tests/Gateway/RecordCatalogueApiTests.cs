using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BranchLedger.Domain.Ledger.Catalogue;
using BranchLedger.Integration.Tests.Infrastructure;

namespace BranchLedger.Integration.Tests.Gateway;

/// <summary>
/// The catalogue as a web app sees it: read over HTTP from ListRecordKinds, and nothing else known in
/// advance, it is enough to build a request for every kind that the gateway accepts; and the API's
/// validation agrees with it field by field — one character over a field's max_length, or a required
/// field left out, is refused at exactly that field's violation path, with a Chinese message.
/// </summary>
public sealed partial class RecordCatalogueApiTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string Tenant = "tenant-catalogue";
    private const string Node = "catalogue-branch";

    // A kind a branch may not hold (the quarterly review is the party group's) is recorded at the organisation.
    private const string Organisation = "org-catalogue";
    private const string BranchLevel = "NODE_KIND_BRANCH";
    private int _sequence;

    [Fact]
    public async Task Every_role_reads_the_catalogue_and_it_lists_every_kind_with_Chinese_labels()
    {
        using var http = Client();
        var kinds = await KindsAsync(http);

        // Every kind of the domain's catalogue, in its order: the built-in ones as they always were, 主题活动 where its
        // entry places it, and any kind added since by an entry of its own (so adding one edits no list here).
        var ids = kinds.Select(k => k.GetProperty("kindId").GetString()).ToList();
        Assert.Equal(RecordCatalogue.Kinds.Select(k => k.Id), ids);
        Assert.Equal(
            ["meeting", "talk", "quarterly-review", "community-service", "risk-point", "brand-project", "honour", "campaign",
             "self-assessment", "activity", "duty-item", "duty-status", "finding", "finding-progress", "finding-close", "finding-reopen"],
            ids.Where(id => id == "activity" || RecordCatalogue.Entries.All(e => e.Id != id)));
        var meeting = kinds[0];
        Assert.Equal("会议学习", meeting.GetProperty("label").GetString());
        var topic = meeting.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("jsonPath").GetString() == "meeting.topic");
        Assert.Equal("meeting.topic", topic.GetProperty("violationPath").GetString());
        Assert.Equal(200, topic.GetProperty("maxLength").GetInt32());
        Assert.Equal("FORM_FIELD_TYPE_TEXT", topic.GetProperty("type").GetString());
        Assert.Equal(["支委会", "党小组会", "主题党日", "党课", "支部党员大会"],
            meeting.GetProperty("presets").EnumerateArray().Select(p => p.GetProperty("label").GetString()));
    }

    [Fact]
    public async Task The_catalogue_names_the_node_levels_of_every_kind_and_of_every_meeting_kind_as_the_domain_does()
    {
        using var http = Client();
        var kinds = await KindsAsync(http);

        foreach (var (kind, domain) in kinds.Zip(RecordCatalogue.Kinds))
        {
            Assert.Equal(domain.NodeLevels.Select(Level), Levels(kind));
            foreach (var (choice, domainChoice) in Fields(kind).SelectMany(f => f.GetProperty("choices").EnumerateArray()).Zip(domain.Fields.SelectMany(f => f.Choices)))
            {
                Assert.Equal(domainChoice.NodeLevels.Select(Level), Levels(choice));
            }
        }

        Assert.Equal(["NODE_KIND_ORGANISATION"], Levels(kinds.Single(k => k.GetProperty("kindId").GetString() == "quarterly-review")));
        Assert.DoesNotContain("NODE_KIND_SMALL_GROUP", Levels(kinds.Single(k => k.GetProperty("kindId").GetString() == "document-issued")));
        var meetingKinds = Fields(kinds[0]).Single(f => f.GetProperty("jsonPath").GetString() == "meeting.kind").GetProperty("choices").EnumerateArray()
            .ToDictionary(c => c.GetProperty("value").GetString()!, Levels);
        Assert.Equal(["NODE_KIND_ORGANISATION"], meetingKinds["MEETING_KIND_PARTY_GROUP_MEETING"]);
        Assert.Equal(["NODE_KIND_GENERAL_BRANCH", "NODE_KIND_BRANCH"], meetingKinds["MEETING_KIND_BRANCH_COMMITTEE_MEETING"]);
        Assert.Equal(4, meetingKinds["MEETING_KIND_THEME_DAY"].Count);
    }

    [Fact]
    public async Task A_kind_posted_at_a_level_its_catalogue_entry_does_not_name_is_refused_in_Chinese()
    {
        using var http = Client();
        var review = (await KindsAsync(http)).Single(k => k.GetProperty("kindId").GetString() == "quarterly-review");
        await fixture.EnsureAsync(Tenant, Node, members: 30);

        using var response = await http.PostAsJsonAsync(
            review.GetProperty("httpPath").GetString()!.Replace("{node_id}", Node, StringComparison.Ordinal), Build(review));
        var status = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(9, status.GetProperty("code").GetInt32()); // FAILED_PRECONDITION
        Assert.Contains("党支部的台账不记录", status.GetProperty("message").GetString());
        using var atOrganisation = await PostAsync(http, review, Build(review));
        Assert.Equal(HttpStatusCode.OK, atOrganisation.StatusCode);
    }

    private static string Level(BranchLedger.Domain.Directory.NodeKind level) => ((Api.V1.NodeKind)(int)level) switch
    {
        Api.V1.NodeKind.Organisation => "NODE_KIND_ORGANISATION",
        Api.V1.NodeKind.GeneralBranch => "NODE_KIND_GENERAL_BRANCH",
        Api.V1.NodeKind.Branch => "NODE_KIND_BRANCH",
        Api.V1.NodeKind.SmallGroup => "NODE_KIND_SMALL_GROUP",
        var other => other.ToString(),
    };

    private static List<string> Levels(JsonElement kindOrChoice) =>
        kindOrChoice.TryGetProperty("nodeLevels", out var levels) ? [.. levels.EnumerateArray().Select(l => l.GetString()!)] : [];

    // The level a request built from the catalogue is recorded at: a branch when the kind allows it, else its first level.
    private static string LevelFor(JsonElement kind) => Levels(kind) is { Count: > 0 } levels && !levels.Contains(BranchLevel) ? levels[0] : BranchLevel;

    [Fact]
    public async Task A_request_built_from_the_catalogue_alone_is_accepted_for_every_kind_that_is_not_a_step()
    {
        using var http = Client();
        var kinds = await KindsAsync(http);
        var accepted = new List<string>();

        foreach (var kind in kinds.Where(k => !k.TryGetProperty("step", out var step) || !step.GetBoolean()))
        {
            using var response = await PostAsync(http, kind, Build(kind));
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{kind.GetProperty("kindId")}: {(int)response.StatusCode} {text}");
            accepted.Add(kind.GetProperty("kindId").GetString()!);
        }

        // The 11 kinds with their own RPCs, 主题活动 and every kind added by a catalogue entry since, written through AppendRecord.
        Assert.Equal(RecordCatalogue.Kinds.Where(k => !k.IsStep).Select(k => k.Id), accepted);
        Assert.True(accepted.Count >= 12, $"only {accepted.Count} kinds");
        Assert.Contains("activity", accepted);
    }

    [Fact]
    public async Task One_character_over_max_length_is_refused_at_exactly_that_field_with_a_Chinese_message()
    {
        using var http = Client();
        var checkedFields = 0;
        foreach (var kind in await KindsAsync(http))
        {
            foreach (var field in Fields(kind).Where(f => f.TryGetProperty("maxLength", out var max) && max.GetInt32() > 0))
            {
                var path = field.GetProperty("jsonPath").GetString()!;
                var tooLong = TooLong(field);
                var request = Build(kind, satisfy: field, replace: (path, tooLong));

                var expected = field.GetProperty("violationPath").GetString() + (Type(field) is "FORM_FIELD_TYPE_TEXT_LIST" or "FORM_FIELD_TYPE_ATTENDANCE" ? "[0]" : "");
                await AssertRefusedAtAsync(http, kind, request, expected);
                checkedFields++;
            }
        }

        // Every limit the domain's catalogue knows reached the API's answer and was tried.
        Assert.Equal(RecordCatalogue.Kinds.Sum(k => k.Fields.Count(f => f.Rule.MaxLength > 0)), checkedFields);
        Assert.True(checkedFields > 40, $"only {checkedFields} fields have a max_length");
    }

    [Fact]
    public async Task A_required_field_left_out_is_refused_at_exactly_that_field_with_a_Chinese_message()
    {
        using var http = Client();
        var checkedFields = 0;
        foreach (var kind in await KindsAsync(http))
        {
            foreach (var field in Fields(kind).Where(f => f.TryGetProperty("required", out var required) && required.GetBoolean()))
            {
                var request = Build(kind, satisfy: field, replace: (field.GetProperty("jsonPath").GetString()!, null));
                await AssertRefusedAtAsync(http, kind, request, field.GetProperty("violationPath").GetString()!);
                checkedFields++;
            }
        }

        Assert.Equal(RecordCatalogue.Kinds.Sum(k => k.Fields.Count(f => f.Rule.Required)), checkedFields);
        Assert.True(checkedFields > 40, $"only {checkedFields} fields are required");
    }

    private async Task AssertRefusedAtAsync(HttpClient http, JsonElement kind, JsonObject request, string expectedPath)
    {
        using var response = await PostAsync(http, kind, request);
        var text = await response.Content.ReadAsStringAsync();
        var what = $"{kind.GetProperty("kindId")} / {expectedPath}: {text}";
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, what);

        // The transcoded error is a google.rpc.Status with its details, as every JSON caller receives it.
        var status = JsonDocument.Parse(text).RootElement;
        Assert.Equal(3, status.GetProperty("code").GetInt32());
        var badRequest = status.GetProperty("details").EnumerateArray()
            .Single(d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.BadRequest");
        var violations = badRequest.GetProperty("fieldViolations").EnumerateArray().ToList();
        Assert.True(violations.Select(v => v.GetProperty("field").GetString()).Distinct().SequenceEqual([expectedPath]), what);
        foreach (var violation in violations)
        {
            var localized = violation.GetProperty("localizedMessage");
            Assert.Equal("zh-CN", localized.GetProperty("locale").GetString());
            var message = localized.GetProperty("message").GetString()!;
            Assert.NotEqual("填写有误", message);
            Assert.DoesNotMatch(English(), message);
        }
    }

    private async Task<HttpResponseMessage> PostAsync(HttpClient http, JsonElement kind, JsonObject request)
    {
        // At a node of a level the kind names (the catalogue says which): a branch's, or the organisation's.
        var node = LevelFor(kind) == BranchLevel ? Node : Organisation;
        await fixture.EnsureAsync(Tenant, node, members: 30);
        Assert.Equal("POST", kind.GetProperty("httpMethod").GetString());
        var path = kind.GetProperty("httpPath").GetString()!.Replace("{node_id}", node, StringComparison.Ordinal);
        return await http.PostAsJsonAsync(path, request);
    }

    private static async Task<List<JsonElement>> KindsAsync(HttpClient http)
    {
        var response = await http.GetFromJsonAsync<JsonElement>("/v1/record-kinds");
        return response.GetProperty("recordKinds").EnumerateArray().ToList();
    }

    private static IEnumerable<JsonElement> Fields(JsonElement kind) => kind.GetProperty("fields").EnumerateArray();

    private static string Type(JsonElement field) => field.GetProperty("type").GetString()!;

    /// <summary>
    /// A request from the catalogue alone: a filler value per field type, fields whose condition does not
    /// hold left out. <paramref name="satisfy"/>'s condition is made to hold (its controlling field gets
    /// the first value that shows it); <paramref name="replace"/> puts another value (null: nothing) at one path.
    /// </summary>
    private JsonObject Build(JsonElement kind, JsonElement? satisfy = null, (string Path, JsonNode? Value)? replace = null)
    {
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var forced = new Dictionary<string, string>(StringComparer.Ordinal);
        if (satisfy is { } target && target.TryGetProperty("shownWhen", out var condition))
        {
            forced[condition.GetProperty("field").GetString()!] = condition.GetProperty("values")[0].GetString()!;
        }

        foreach (var field in Fields(kind))
        {
            var path = field.GetProperty("jsonPath").GetString()!;
            if (field.TryGetProperty("shownWhen", out var when))
            {
                var controlling = values.GetValueOrDefault(when.GetProperty("field").GetString()!)?.GetValue<string>();
                if (!when.GetProperty("values").EnumerateArray().Any(v => v.GetString() == controlling))
                {
                    continue;
                }
            }

            values[path] = forced.TryGetValue(path, out var value) ? JsonValue.Create(value) : Filler(field, LevelFor(kind));
        }

        if (replace is { } r)
        {
            values[r.Path] = r.Value;
        }

        var request = new JsonObject { ["requestId"] = Next("cat") };
        foreach (var (path, value) in values.Where(v => v.Value is not null))
        {
            var parts = path.Split('.');
            var parent = request;
            foreach (var part in parts[..^1])
            {
                parent = (JsonObject)(parent[part] ??= new JsonObject());
            }

            parent[parts[^1]] = value!.DeepClone();
        }

        return request;
    }

    // level: where the request is recorded; a choice is the first the catalogue names for that level (a branch's meeting is no 党组会).
    private JsonNode Filler(JsonElement field, string level)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return Type(field) switch
        {
            "FORM_FIELD_TYPE_TEXT" or "FORM_FIELD_TYPE_LONG_TEXT" => JsonValue.Create("测试"),
            "FORM_FIELD_TYPE_IDENTIFIER" => JsonValue.Create(Next("id")),
            "FORM_FIELD_TYPE_DATE" => new JsonObject { ["year"] = today.Year, ["month"] = today.Month, ["day"] = today.Day },
            "FORM_FIELD_TYPE_WHOLE_NUMBER" => JsonValue.Create(Math.Max(field.TryGetProperty("min", out var min) ? min.GetInt32() : 0, 1)),
            "FORM_FIELD_TYPE_YES_NO" => JsonValue.Create(true),
            "FORM_FIELD_TYPE_CHOICE" => JsonValue.Create(field.GetProperty("choices").EnumerateArray()
                .First(c => Levels(c) is var levels && (levels.Count == 0 || levels.Contains(level))).GetProperty("value").GetString()!),
            "FORM_FIELD_TYPE_TEXT_LIST" => new JsonArray("测试"),
            // Ticked from a roster, never required: a form without a named roster sends none.
            "FORM_FIELD_TYPE_ATTENDANCE" => new JsonArray(),
            var other => throw new InvalidOperationException($"no filler for {other}"),
        };
    }

    private static JsonNode TooLong(JsonElement field)
    {
        var length = field.GetProperty("maxLength").GetInt32() + 1;
        return Type(field) switch
        {
            "FORM_FIELD_TYPE_TEXT_LIST" or "FORM_FIELD_TYPE_ATTENDANCE" => new JsonArray(new string('测', length)),
            // An identifier otherwise well formed: only its length is wrong.
            "FORM_FIELD_TYPE_IDENTIFIER" => JsonValue.Create("t" + new string('a', length - 1)),
            _ => JsonValue.Create(new string('测', length)),
        };
    }

    private string Next(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}-{Interlocked.Increment(ref _sequence)}";

    private HttpClient Client()
    {
        var http = fixture.Http();
        foreach (var entry in GatewayHost.As(Tenant, "catalogue-secretary"))
        {
            http.DefaultRequestHeaders.Add(entry.Key, entry.Value);
        }

        return http;
    }

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex English();
}
