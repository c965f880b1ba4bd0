using BranchLedger.Api.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace BranchLedger.Cli;

/// <summary>The commands: <c>demo-data</c>, <c>record-meeting</c>, <c>list-records</c>.</summary>
internal static class CliCommands
{
    private const string Usage = """
        usage: branchledger [--gateway URL] [--tenant ID] [--user NAME] COMMAND
          demo-data                                   record the demo tenant's meetings (idempotent)
          record-meeting BRANCH KIND YYYY-MM-DD TOPIC ATTENDEES EXPECTED [REQUEST_ID]
          list-records BRANCH
        defaults: --gateway http://127.0.0.1:5080 --tenant demo-city --user cli
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new Dictionary<string, string>
        {
            ["--gateway"] = Environment.GetEnvironmentVariable("BRANCHLEDGER_GATEWAY") ?? "http://127.0.0.1:5080",
            ["--tenant"] = "demo-city",
            ["--user"] = "cli",
        };
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (options.ContainsKey(args[i]) && i + 1 < args.Length)
            {
                options[args[i]] = args[++i];
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        using var channel = GrpcChannel.ForAddress(options["--gateway"]);
        var ledger = new LedgerService.LedgerServiceClient(channel);
        var headers = new Metadata { { "x-branchledger-tenant", options["--tenant"] }, { "x-branchledger-user", options["--user"] } };
        try
        {
            return rest switch
            {
                ["demo-data"] => await DemoData.LoadAsync(ledger, new DirectoryService.DirectoryServiceClient(channel), headers),
                ["record-meeting", var branch, var kind, var date, var topic, var attendees, var expected, .. var id] =>
                    await RecordAsync(ledger, headers, branch, kind, date, topic, int.Parse(attendees), int.Parse(expected),
                        id is [var given] ? given : Guid.NewGuid().ToString()),
                ["list-records", var branch] => await ListAsync(ledger, headers, branch),
                _ => Fail(Usage),
            };
        }
        catch (RpcException ex)
        {
            return Fail($"{ex.StatusCode}: {ex.Status.Detail}");
        }
    }

    private static async Task<int> RecordAsync(
        LedgerService.LedgerServiceClient ledger, Metadata headers, string branch, string kind, string date,
        string topic, int attendees, int expected, string requestId)
    {
        var day = DateOnly.ParseExact(date, "yyyy-MM-dd");
        var response = await ledger.RecordMeetingAsync(new RecordMeetingRequest
        {
            NodeId = branch,
            RequestId = requestId,
            Meeting = new Meeting
            {
                Kind = Enum.Parse<MeetingKind>(kind, ignoreCase: true),
                Date = new Google.Type.Date { Year = day.Year, Month = day.Month, Day = day.Day },
                Topic = topic,
                Attendees = attendees,
                ExpectedAttendees = expected,
            },
        }, headers);
        Console.WriteLine($"{response.Record.RecordId} (replayed: {response.Replayed})");
        return 0;
    }

    private static async Task<int> ListAsync(LedgerService.LedgerServiceClient ledger, Metadata headers, string branch)
    {
        var token = "";
        do
        {
            var page = await ledger.ListRecordsAsync(new ListRecordsRequest { NodeId = branch, PageToken = token }, headers);
            foreach (var r in page.Records)
            {
                Console.WriteLine($"{r.RecordId,-8} {r.BodyCase,-16} {Describe(r)}");
            }

            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return 0;
    }

    private static string Describe(LedgerRecord r) => r.BodyCase switch
    {
        LedgerRecord.BodyOneofCase.Meeting =>
            $"{r.Meeting.Date.Year:D4}-{r.Meeting.Date.Month:D2}-{r.Meeting.Date.Day:D2} {r.Meeting.Kind} {r.Meeting.Attendees}/{r.Meeting.ExpectedAttendees} {r.Meeting.Topic}",
        LedgerRecord.BodyOneofCase.Talk => $"{r.Talk.Kind} {r.Talk.Topic}",
        LedgerRecord.BodyOneofCase.Correction => $"corrects {r.Correction.RecordId}: {r.Correction.Reason}",
        _ => r.ToString(),
    };

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }
}
