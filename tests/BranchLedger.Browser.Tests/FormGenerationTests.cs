using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BranchLedger.Browser.Tests;

/// <summary>
/// The form generation, kind by kind, in the browser: every record kind of the API's catalogue renders
/// as a form, an empty submit shows the API's violations at their fields, and the form filled with
/// plain values maps to a request the API records — so a new kind in the catalogue works without page code.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class FormGenerationTests(DashboardPlatform platform)
{
    [Theory]
    [InlineData(Screen.Desktop)]
    [InlineData(Screen.Phone)]
    public async Task Every_record_kind_renders_refuses_an_empty_form_at_its_fields_and_records_a_filled_one(Screen screen)
    {
        // A body per screen: each run records into its own ledgers.
        var tenant = await WebBody.SeedAsync(platform, screen == Screen.Phone ? "ws-forms-phone" : "ws-forms");
        await using var session = await WebSession.OpenAsync(platform, screen);
        var page = session.Page;
        // The branch's secretary also writes for the party group: a kind a branch may not hold (the quarterly review
        // is the party group's) is recorded there, as the catalogue's node levels say.
        await session.SignInAsync("李华", "branch-secretary", tenant, $"{WebBody.Branch},{WebBody.Root}");
        var catalogue = await (await page.APIRequest.GetAsync("/v1/record-kinds")).JsonAsync();
        var kinds = catalogue!.Value.GetProperty("recordKinds").EnumerateArray().Where(k => !k.TryGetProperty("step", out var step) || !step.GetBoolean()).ToList();
        // The 11 kinds with their own RPCs, 主题活动 and every kind added since by a catalogue entry of its own (written by
        // AppendRecord): the domain's catalogue decides how many, so a new kind is exercised here without editing this test.
        Assert.Equal(Domain.Ledger.Catalogue.RecordCatalogue.Kinds.Where(k => !k.IsStep).Select(k => k.Id), kinds.Select(k => k.GetProperty("kindId").GetString()));
        Assert.True(kinds.Count >= 12, $"only {kinds.Count} kinds");
        Assert.Contains(kinds, k => k.GetProperty("kindId").GetString() == "activity" && k.GetProperty("rpc").GetString() == "AppendRecord");

        foreach (var kind in kinds)
        {
            var id = kind.GetProperty("kindId").GetString()!;
            var levels = kind.GetProperty("nodeLevels").EnumerateArray().Select(l => l.GetString()).ToList();
            var node = levels.Contains("NODE_KIND_BRANCH") ? WebBody.Branch : WebBody.Root;
            Assert.True(node == WebBody.Branch || levels.Contains("NODE_KIND_ORGANISATION"), $"{id}: held neither by a branch nor by the party group");
            await page.GotoAsync($"/app/#/new/{node}/{id}");
            await Expect(page.Locator("#record-form")).ToBeVisibleAsync();
            // Leave the drafts of earlier runs out: this form starts from its defaults.
            await page.EvaluateAsync("() => { for (const k of Object.keys(localStorage)) localStorage.removeItem(k); }");
            await page.ReloadAsync();
            await Expect(page.Locator("#record-form")).ToBeVisibleAsync();

            // Empty: the required text and choice fields are shown as refused, each at its own field.
            foreach (var field in Fields(kind).Where(f => Type(f) is "TEXT" or "LONG_TEXT" or "IDENTIFIER" or "CHOICE"))
            {
                var input = page.Locator($".field[data-field='{field.GetProperty("jsonPath").GetString()}'] :is(input, select, textarea)");
                if (await input.IsVisibleAsync())
                {
                    await (Type(field) == "CHOICE" ? input.SelectOptionAsync("") : input.FillAsync(""));
                }
            }

            await page.Locator("#submit").ClickAsync();
            await Expect(page.Locator("#form-errors")).ToContainTextAsync("请按提示修改");
            var refused = await page.Locator(".field.invalid").CountAsync();
            Assert.True(refused > 0, $"{id}: no field shows its violation");

            // Filled with plain values by type (choices first: they decide which fields apply).
            foreach (var field in Fields(kind).OrderBy(f => Type(f) == "CHOICE" ? 0 : 1))
            {
                await FillAsync(page, id, field);
            }

            await page.Locator("#submit").ClickAsync();
            await Expect(page.Locator("#form-status")).ToContainTextAsync("已记录", new() { Timeout = 15_000 });
        }

        await session.CheckPageAsync($"form-generation-{screen}");
    }

    private static IEnumerable<JsonElement> Fields(JsonElement kind) => kind.GetProperty("fields").EnumerateArray();

    private static string Type(JsonElement field) => field.GetProperty("type").GetString()!.Replace("FORM_FIELD_TYPE_", "", StringComparison.Ordinal);

    private static async Task FillAsync(IPage page, string kind, JsonElement field)
    {
        var path = field.GetProperty("jsonPath").GetString()!;
        var input = page.Locator($".field[data-field='{path}'] :is(input, select, textarea)");
        if (await input.CountAsync() == 0 || !await input.IsVisibleAsync())
        {
            return; // a preset's, an attendance field, or one whose condition does not hold
        }

        var today = DateTime.Now;
        switch (Type(field))
        {
            case "CHOICE":
                await input.SelectOptionAsync(new SelectOptionValue { Index = 1 });
                break;
            case "DATE":
                // The record's day is today (the default); deadlines and due dates lie ahead.
                if (string.IsNullOrEmpty(await input.InputValueAsync()))
                {
                    await input.FillAsync(today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }

                break;
            case "WHOLE_NUMBER":
                var min = field.TryGetProperty("min", out var least) ? least.GetInt32() : 0;
                await input.FillAsync(path.EndsWith(".year", StringComparison.Ordinal) ? today.Year.ToString(CultureInfo.InvariantCulture) : Math.Max(min, 1).ToString(CultureInfo.InvariantCulture));
                break;
            case "YES_NO":
                break;
            case "IDENTIFIER":
                await input.FillAsync($"t-{kind}-1");
                break;
            default:
                await input.FillAsync(path.EndsWith("personB", StringComparison.Ordinal) ? "王敏" : "测试");
                break;
        }
    }
}
