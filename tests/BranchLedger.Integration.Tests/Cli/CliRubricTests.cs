using System.Text.Json.Nodes;
using BranchLedger.Api.V1;
using BranchLedger.Integration.Tests.Infrastructure;

namespace BranchLedger.Integration.Tests.Cli;

/// <summary>
/// <c>rubric export</c> → <c>rubric publish</c> round trip (its own gateway: publishing rescores every
/// branch, which the other CLI tests should not wait for).
/// </summary>
public sealed class CliRubricTests(GatewayFixture fixture) : CliTestClass(fixture)
{
    [Fact]
    public async Task An_exported_rubric_published_again_becomes_the_next_version_with_the_same_content()
    {
        var exported = Cli.Scratch("rubric.json");
        var republished = Cli.Scratch("rubric-2.json");

        await Cli.SucceedAsync("rubric", "export", "-o", exported);
        var published = await Cli.SucceedAsync("--json", "rubric", "publish", exported);
        var again = await Cli.SucceedAsync("rubric", "publish", exported);
        var version = (int)published.Json["rubric"]!["version"]!;
        await Cli.SucceedAsync("rubric", "export", "--version", version.ToString(System.Globalization.CultureInfo.InvariantCulture), "-o", republished);
        var versions = await Cli.SucceedAsync("rubric", "versions");

        Assert.Equal(2, version);
        Assert.Contains("(already published)", again.Out);
        var before = JsonNode.Parse(await File.ReadAllTextAsync(exported))!.AsObject();
        var after = JsonNode.Parse(await File.ReadAllTextAsync(republished))!.AsObject();
        Assert.Equal(1, (int)before["version"]!);
        Assert.Equal(2, (int)after["version"]!);
        before.Remove("version");
        after.Remove("version");
        Assert.True(JsonNode.DeepEquals(before, after), $"{before}\n---\n{after}");
        Assert.Contains((string)published.Json["rubric"]!["versionKey"]!, versions.Out);
        var listed = await Fixture.Rubrics.ListRubricVersionsAsync(new ListRubricVersionsRequest(), TestCredentials.Supervisor());
        Assert.Equal(2, listed.Versions.Count);
    }
}
