using System.CommandLine;
using System.Globalization;
using BranchLedger.Api.V1;
using Spectre.Console;

namespace BranchLedger.Cli;

/// <summary><c>rubric publish|export|versions</c> through RubricService (the JSON format is the README's).</summary>
internal static class RubricCommands
{
    public static Command Build(CliGlobals globals)
    {
        var file = new Argument<FileInfo>("file") { Description = "The rubric in the documented JSON format" };
        var publish = new Command("publish", "Publish a rubric as the next version (rescoring runs in the background)") { file };
        globals.SetAction(publish, async (cli, parse, ct) =>
        {
            var json = await File.ReadAllTextAsync(parse.GetRequiredValue(file).FullName, ct);
            var response = await Client(cli).PublishRubricAsync(
                new PublishRubricRequest { RubricJson = json, RequestId = ProtoText.RequestId("rubric", json) }, cli.Headers, cancellationToken: ct);
            cli.Show(response, () => cli.Out.MarkupLineInterpolated(
                $"{response.Rubric.VersionKey} {response.Rubric.Name} ({(response.Replayed ? "already published" : "published; rescoring in the background")})"));
            return 0;
        });

        var version = new Option<int>("--version") { Description = "The version (default: the serving one)" };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write to this file instead of the console" };
        var export = new Command("export", "A rubric version as JSON") { version, output };
        globals.SetAction(export, async (cli, parse, ct) =>
        {
            var response = await Client(cli).GetRubricAsync(new GetRubricRequest { Version = parse.GetValue(version) }, cli.Headers, cancellationToken: ct);
            if (parse.GetValue(output) is { } target)
            {
                await File.WriteAllTextAsync(target.FullName, response.RubricJson, ct);
                cli.Error.MarkupLineInterpolated($"{response.Rubric.VersionKey} written to {target.FullName}");
            }
            else
            {
                cli.WriteRaw(response.RubricJson);
            }

            return 0;
        });

        var versions = new Command("versions", "Every published version");
        globals.SetAction(versions, async (cli, _, ct) =>
        {
            var all = new ListRubricVersionsResponse();
            await foreach (var v in Paging.AllAsync(t => Client(cli).ListRubricVersionsAsync(new ListRubricVersionsRequest { PageToken = t }, cli.Headers, cancellationToken: ct).ResponseAsync, p => p.Versions, p => p.NextPageToken))
            {
                all.Versions.Add(v);
            }

            cli.Show(all, () =>
            {
                var table = new Table().AddColumns("version", "name", "published", "by", "serving");
                foreach (var v in all.Versions)
                {
                    table.AddRow(Markup.Escape(v.VersionKey), Markup.Escape(v.Name),
                        v.PublishedAt?.ToDateTimeOffset().ToString("u", CultureInfo.InvariantCulture) ?? "-", Markup.Escape(v.PublishedBy), v.Serving ? "[green]yes[/]" : "");
                }

                cli.Out.Write(table);
            });
            return 0;
        });
        return new Command("rubric", "The city's assessment rubric (考核指标体系)") { publish, export, versions };
    }

    private static RubricService.RubricServiceClient Client(CliContext cli) => new(cli.Channel);
}
