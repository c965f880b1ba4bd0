using BranchLedger.Api.V1;
using BranchLedger.CityData;
using Grpc.Core;
using Grpc.Net.Client;

namespace BranchLedger.Cli;

/// <summary>The commands: demo data, rankings, records, reports and exports, and access administration.</summary>
internal static class CliCommands
{
    private const string Usage = """
        usage: branchledger [--gateway URL] [--tenant ID] [--user NAME] [--token JWT | --api-key KEY | --key-file PATH] COMMAND
          demo-city                                   load the demo city: 5 bodies, 60 branches, records up to today
                                                      (idempotent; always recorded as user demo-city)
          demo-data                                   the same as demo-city
          top [PERIOD] [N]                            the city's top N branches (default: last year, 10)
          record-meeting BRANCH KIND YYYY-MM-DD TOPIC ATTENDEES EXPECTED [REQUEST_ID]
          list-records BRANCH
          report NODE YEAR [markdown|docx] [FILE]     the annual report (述职报告) of NODE's subtree, counted from records
          export ledger NODE PERIOD [xlsx|csv] [FILE] the ledger (台账) of NODE's subtree for 2026, 2026-Q1 or 2026-03
          export ranking PERIOD [city|tenant] [xlsx|csv] [FILE]
          export compare PERIOD BRANCH,BRANCH,... [xlsx|csv] [FILE]
          whoami                                      the subject, credential and grants the gateway sees
          token GRANT... [--hours H]                  mint a local token (needs the local signing key), e.g.
                                                      token supervisor@*   token branch-secretary@acme#b1,b2
          create-tenant TENANT NAME [BODY_KIND]       register a tenant (platform admin)
          bind-role SUBJECT GRANT                     bind a user to a role, e.g. bind-role alice tenant-admin@acme
          unbind-role SUBJECT GRANT
          list-bindings
          create-api-key NAME GRANT [DAYS]            issue an API key (shown once), e.g. system-client@acme!records.write
          revoke-api-key KEY_ID
          list-api-keys
        defaults: --gateway http://127.0.0.1:5080 --tenant demo-disabled-fed --user cli --key-file .data/local-signing-key
        credentials also come from BRANCHLEDGER_TOKEN, BRANCHLEDGER_API_KEY, BRANCHLEDGER_LOCAL_KEY_FILE
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new Dictionary<string, string>
        {
            ["--gateway"] = Environment.GetEnvironmentVariable("BRANCHLEDGER_GATEWAY") ?? "http://127.0.0.1:5080",
            ["--tenant"] = "demo-disabled-fed",
            ["--user"] = "cli",
            ["--token"] = Environment.GetEnvironmentVariable("BRANCHLEDGER_TOKEN") ?? "",
            ["--api-key"] = Environment.GetEnvironmentVariable("BRANCHLEDGER_API_KEY") ?? "",
            ["--key-file"] = Environment.GetEnvironmentVariable("BRANCHLEDGER_LOCAL_KEY_FILE") ?? CliCredentials.DefaultKeyFile,
            ["--hours"] = "8",
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
        var credentials = new CliCredentials(options["--token"], options["--api-key"], options["--key-file"], options["--user"]);
        try
        {
            var headers = rest is ["demo-city" or "demo-data"] or ["token", ..] ? [] : credentials.For(options["--tenant"]);
            var access = new AccessCommands(new AccessService.AccessServiceClient(channel), headers, options["--user"]);
            return rest switch
            {
                ["demo-city" or "demo-data"] => await LoadDemoCityAsync(ledger, new DirectoryService.DirectoryServiceClient(channel), credentials),
                ["token", .. var grants] => AccessCommands.MintToken(credentials, options["--user"], grants, double.Parse(options["--hours"], System.Globalization.CultureInfo.InvariantCulture)),
                ["whoami"] => await access.WhoAmIAsync(),
                ["create-tenant", var tenant, var name, .. var kind] =>
                    await AccessCommands.CreateTenantAsync(new DirectoryService.DirectoryServiceClient(channel), credentials.For(tenant), name, kind is [var k] ? k : null),
                ["bind-role", var subject, var grant] => await access.BindAsync(subject, grant, unbind: false),
                ["unbind-role", var subject, var grant] => await access.BindAsync(subject, grant, unbind: true),
                ["list-bindings"] => await access.ListBindingsAsync(),
                ["create-api-key", var name, var grant, .. var days] => await access.CreateApiKeyAsync(name, grant, days is [var d] ? int.Parse(d) : null),
                ["revoke-api-key", var keyId] => await access.RevokeApiKeyAsync(keyId),
                ["list-api-keys"] => await access.ListApiKeysAsync(),
                ["top"] => await RankingCommands.TopAsync(new RankingService.RankingServiceClient(channel), headers, null, 10),
                ["top", var period] => await RankingCommands.TopAsync(new RankingService.RankingServiceClient(channel), headers, period, 10),
                ["top", var period, var count] => await RankingCommands.TopAsync(new RankingService.RankingServiceClient(channel), headers, period, int.Parse(count)),
                ["record-meeting", var branch, var kind, var date, var topic, var attendees, var expected, .. var id] =>
                    await RecordAsync(ledger, headers, branch, kind, date, topic, int.Parse(attendees), int.Parse(expected),
                        id is [var given] ? given : Guid.NewGuid().ToString()),
                ["list-records", var branch] => await ListAsync(ledger, headers, branch),
                ["report", var node, var year, .. var more] when more.Count <= 2 =>
                    await ReportCommands.ReportAsync(Reports(channel), headers, node, year, At(more, 0) ?? "markdown", At(more, 1)),
                ["export", "ledger", var node, var period, .. var more] when more.Count <= 2 =>
                    await ReportCommands.ExportLedgerAsync(Reports(channel), headers, node, period, At(more, 0) ?? "xlsx", At(more, 1)),
                ["export", "ranking", var period, .. var more] when more.Count <= 3 =>
                    await ReportCommands.ExportRankingAsync(Reports(channel), headers, period, At(more, 0) ?? "city", At(more, 1) ?? "xlsx", At(more, 2)),
                ["export", "compare", var period, var branches, .. var more] when more.Count <= 2 =>
                    await ReportCommands.ExportComparisonAsync(Reports(channel), headers, period, branches, At(more, 0) ?? "xlsx", At(more, 1)),
                _ => Fail(Usage),
            };
        }
        catch (RpcException ex)
        {
            var fields = ex.GetRpcStatus()?.GetDetail<Google.Rpc.BadRequest>()?.FieldViolations.Select(v => $"\n  {v.Field}: {v.Description}");
            return Fail($"{ex.StatusCode}: {ex.Status.Detail}{string.Concat(fields ?? [])}");
        }
        catch (InvalidOperationException ex)
        {
            return Fail(ex.Message);
        }
    }

    private static async Task<int> LoadDemoCityAsync(
        LedgerService.LedgerServiceClient ledger, DirectoryService.DirectoryServiceClient directory, CliCredentials credentials)
    {
        var summary = await new DemoCityLoader(directory, ledger, credentials.For).LoadAsync(DemoCity.Generate(DemoCity.Today()));
        Console.WriteLine(summary);
        foreach (var problem in summary.Problems)
        {
            Console.Error.WriteLine(problem);
        }

        return summary.Rejected == 0 ? 0 : 1;
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
                Console.WriteLine($"{r.RecordId,-8} {r.BodyCase,-16} {RecordText.Describe(r)}");
            }

            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return 0;
    }

    private static ReportService.ReportServiceClient Reports(GrpcChannel channel) => new(channel);

    private static string? At(List<string> values, int index) => index < values.Count ? values[index] : null;

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }
}
