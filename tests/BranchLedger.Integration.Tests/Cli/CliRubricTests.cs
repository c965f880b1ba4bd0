using System.Text.Json.Nodes;
using BranchLedger.Api.V1;
using BranchLedger.Integration.Tests.Infrastructure;

namespace BranchLedger.Integration.Tests.Cli;

/// <summary>
/// <c>rubric export</c> → <c>rubric publish</c> round trip (its own gateway: publishing rescores every
/// branch, which the other CLI tests should not wait for).
/// </summary>
public sealed class CliRubricTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>, IDisposable
{
    private readonly CliRun _cli = new(fixture.Host);

    [Fact]
    public async Task An_exported_rubric_published_again_becomes_the_next_version_with_the_same_content()
    {
        var exported = _cli.Scratch("rubric.json");
        var republished = _cli.Scratch("rubric-2.json");

        await _cli.SucceedAsync("rubric", "export", "-o", exported);
        var published = await _cli.SucceedAsync("--json", "rubric", "publish", exported);
        var again = await _cli.SucceedAsync("rubric", "publish", exported);
        var version = (int)published.Json["rubric"]!["version"]!;
        await _cli.SucceedAsync("rubric", "export", "--version", version.ToString(System.Globalization.CultureInfo.InvariantCulture), "-o", republished);
        var versions = await _cli.SucceedAsync("rubric", "versions");

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
        var listed = await fixture.Rubrics.ListRubricVersionsAsync(new ListRubricVersionsRequest(), TestCredentials.Supervisor());
        Assert.Equal(2, listed.Versions.Count);
    }

    public void Dispose() => _cli.Dispose();
}
