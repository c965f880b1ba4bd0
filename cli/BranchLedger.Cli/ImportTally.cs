using BranchLedger.Api.V1;
using Spectre.Console;

namespace BranchLedger.Cli;

/// <summary>What a records import did: rows recorded now, rows already there (replayed), rows refused and why.</summary>
internal sealed class ImportTally
{
    private readonly List<(RecordItem Item, FieldViolation Violation)> _problems = [];

    public int Accepted { get; private set; }

    public int Replayed { get; private set; }

    public int Rejected { get; private set; }

    public void Add(RecordItem item, ImportRowResult result)
    {
        switch (result.Outcome)
        {
            case ImportOutcome.Accepted:
                Accepted++;
                break;
            case ImportOutcome.Duplicate:
                Replayed++;
                break;
            default:
                Reject(item, result.Violations);
                break;
        }
    }

    public void Reject(RecordItem item, IEnumerable<FieldViolation> violations)
    {
        Rejected++;
        var any = false;
        foreach (var v in violations)
        {
            _problems.Add((item, v));
            any = true;
        }

        if (!any)
        {
            _problems.Add((item, new FieldViolation { Field = "", Description = "rejected" }));
        }
    }

    public void Render(CliContext cli)
    {
        if (cli.Json)
        {
            cli.WriteRaw(System.Text.Json.JsonSerializer.Serialize(new
            {
                accepted = Accepted,
                replayed = Replayed,
                rejected = Rejected,
                problems = _problems.Select(p => new { where = p.Item.Where, nodeId = p.Item.NodeId, field = p.Violation.Field, description = p.Violation.Description }),
            }));
            return;
        }

        cli.Out.Write(new Table().AddColumns("outcome", "rows")
            .AddRow("[green]accepted[/] (new)", Accepted.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .AddRow("replayed (already there)", Replayed.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .AddRow("[red]rejected[/]", Rejected.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (_problems.Count == 0)
        {
            return;
        }

        var table = new Table().Title("rejected rows").AddColumns("row", "node", "field", "problem");
        // Rows refused locally were counted before the rest was sent: list every refusal in file order.
        foreach (var (item, v) in _problems.OrderBy(p => int.Parse(p.Item.Where.AsSpan(p.Item.Where.LastIndexOf(' ') + 1), System.Globalization.CultureInfo.InvariantCulture)))
        {
            table.AddRow(item.Where, Markup.Escape(item.NodeId), Markup.Escape(v.Field), Markup.Escape(v.Description));
        }

        cli.Out.Write(table);
    }
}
