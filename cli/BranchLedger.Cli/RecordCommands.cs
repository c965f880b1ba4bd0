using System.CommandLine;
using BranchLedger.Api.V1;
using Spectre.Console;

namespace BranchLedger.Cli;

/// <summary><c>records import</c> and <c>records list</c>.</summary>
internal static class RecordCommands
{
    /// <summary>The most rows ImportRecords takes in one request.</summary>
    private const int MaxBatch = 1000;

    public static Command Build(CliGlobals globals)
    {
        var file = new Argument<FileInfo>("file") { Description = "A .csv or .json file of records (see cli/examples)" };
        var batch = new Option<int>("--batch-size") { Description = "Rows per ImportRecords call (1..1000)", DefaultValueFactory = _ => 500 };
        var import = new Command("import", "Import records through LedgerService.ImportRecords; re-running replays instead of recording twice") { file, batch };
        globals.SetAction(import, async (cli, parse, ct) =>
        {
            var size = parse.GetValue(batch);
            if (size is < 1 or > MaxBatch)
            {
                throw new CliInputException($"--batch-size must be 1..{MaxBatch}");
            }

            var items = RecordFile.Read(parse.GetRequiredValue(file));
            var outcome = new ImportTally();
            foreach (var item in items.Where(i => i.Problems.Count > 0))
            {
                outcome.Reject(item, item.Problems);
            }

            var sendable = items.Where(i => i.Problems.Count == 0).ToList();
            try
            {
                await SendAsync(cli, Batches(sendable, size), sendable.Count, outcome, ct);
            }
            finally
            {
                outcome.Render(cli);
            }

            return outcome.Rejected == 0 ? 0 : CliGlobals.Refused;
        });

        var node = new Argument<string>("node-id");
        var list = new Command("list", "A node's ledger, one line per record") { node };
        globals.SetAction(list, async (cli, parse, ct) =>
        {
            var ledger = new LedgerService.LedgerServiceClient(cli.Channel);
            var all = new ListRecordsResponse();
            var id = parse.GetRequiredValue(node);
            await foreach (var r in Paging.AllAsync(t => ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = id, PageToken = t }, cli.Headers, cancellationToken: ct).ResponseAsync, p => p.Records, p => p.NextPageToken))
            {
                all.Records.Add(r);
            }

            cli.Show(all, () =>
            {
                var table = new Table().AddColumns("record", "kind", "what");
                foreach (var r in all.Records)
                {
                    table.AddRow(Markup.Escape(r.RecordId), Markup.Escape(Labels.KindOf(r)), Markup.Escape(RecordText.Describe(r)));
                }

                cli.Out.Write(table);
                cli.Out.WriteLine($"{all.Records.Count} records");
            });
            return 0;
        });
        return new Command("records", "Ledger records (台账) of the tenant's nodes") { import, list };
    }

    // Consecutive rows of one node, at most `size` per call: the file's order is the order of recording.
    private static IEnumerable<List<RecordItem>> Batches(IEnumerable<RecordItem> items, int size)
    {
        var current = new List<RecordItem>();
        foreach (var item in items)
        {
            if (current.Count == size || current.Count > 0 && current[0].NodeId != item.NodeId)
            {
                yield return current;
                current = [];
            }

            current.Add(item);
        }

        if (current.Count > 0)
        {
            yield return current;
        }
    }

    private static async Task SendAsync(CliContext cli, IEnumerable<List<RecordItem>> batches, int total, ImportTally outcome, CancellationToken ct)
    {
        var ledger = new LedgerService.LedgerServiceClient(cli.Channel);
        await cli.Error.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask("importing records", maxValue: Math.Max(total, 1));
                foreach (var batch in batches)
                {
                    var request = new ImportRecordsRequest { NodeId = batch[0].NodeId };
                    request.Rows.AddRange(batch.Select(i => i.Row));
                    var response = await ledger.ImportRecordsAsync(request, cli.Headers, cancellationToken: ct);
                    foreach (var result in response.Results)
                    {
                        outcome.Add(batch[result.Index], result);
                    }

                    task.Increment(batch.Count);
                }

                task.Value = task.MaxValue;
            });
    }
}
