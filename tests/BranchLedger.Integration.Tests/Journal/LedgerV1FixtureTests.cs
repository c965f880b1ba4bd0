using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using BranchLedger.Api.V1;
using BranchLedger.Contracts;
using BranchLedger.Domain.Access;
using BranchLedger.Fixtures.LedgerV1;
using BranchLedger.Grains.Ledger.Journal;
using BranchLedger.Integration.Tests.Infrastructure;
using BranchLedger.Storage;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Orleans.Serialization;
using static BranchLedger.Integration.Tests.Storage.StorageTestSupport;

namespace BranchLedger.Integration.Tests.Journal;

/// <summary>
/// The upgrade of a database the last release before the journal wrote (tests/fixtures/ledger-v1: its dump
/// and what its API answered, see generate.sh there): the current schema migrations and silo start
/// (<see cref="LedgerStateMigration"/>) must leave every ledger answering exactly as before.
/// </summary>
public sealed class LedgerV1FixtureTests
{
    // The release ran with the production default; its state rows are keyed by it.
    private const string ServiceId = "branchledger";

    private static string FixtureFolder => Path.Combine(RepoPaths.Root, "tests", "fixtures", "ledger-v1");

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static Metadata As(string subject, string tenant)
    {
        IEnumerable<Grant> grants = subject == "party-office"
            ? [Grant.For(Role.TenantAdmin, tenant), Grant.Everywhere(Role.PlatformAdmin)]
            : [Grant.For(Role.TenantAdmin, tenant)];
        return TestCredentials.Bearer(subject, tenant, [.. grants]);
    }

    private static Metadata Office(string tenant) => As("party-office", tenant);

    private static JsonObject Expected() => JsonNode.Parse(File.ReadAllText(Path.Combine(FixtureFolder, "expected.json")))!.AsObject();

    /// <summary>A fresh database holding the fixture's dump, as the old release left it (schema up to its last migration).</summary>
    private static async Task<string> RestoredDatabaseAsync(string hint)
    {
        var db = await TestPostgres.CreateEmptyDatabaseAsync(hint);
        var builder = new NpgsqlConnectionStringBuilder(db);
        var psql = new ProcessStartInfo("psql") { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-X", "-q", "-v", "ON_ERROR_STOP=1" })
        {
            psql.ArgumentList.Add(arg);
        }

        psql.Environment["PGHOST"] = builder.Host;
        psql.Environment["PGPORT"] = builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        psql.Environment["PGUSER"] = builder.Username;
        psql.Environment["PGDATABASE"] = builder.Database;
        if (!string.IsNullOrEmpty(builder.Password))
        {
            psql.Environment["PGPASSWORD"] = builder.Password;
        }

        using var process = Process.Start(psql)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await using (var dump = new GZipStream(File.OpenRead(Path.Combine(FixtureFolder, "dump.sql.gz")), CompressionMode.Decompress))
        {
            await dump.CopyToAsync(process.StandardInput.BaseStream);
        }

        process.StandardInput.Close();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"psql could not restore the fixture: {await errors}{await output}");
        return db;
    }

    private static Task<string> JournalDigestAsync(string db) => ScalarAsync<string>(db, """
        SELECT md5(coalesce((SELECT string_agg(j::text, '|' ORDER BY ledger, seq) FROM branchledger_journal j), '')
                || coalesce((SELECT string_agg(s::text, '|' ORDER BY ledger, request_id) FROM branchledger_journal_seals s), '')
                || coalesce((SELECT string_agg(m.ledger || m.records || '/' || m.seals, '|' ORDER BY ledger) FROM branchledger_journal_migrated m), ''))
        """);

    /// <summary>Ledger by ledger and part by part, as indented JSON, so a failure shows where the answers part.</summary>
    private static void AssertSameAnswers(JsonObject expected, JsonObject actual)
    {
        Assert.Equal(expected.Select(l => l.Key), actual.Select(l => l.Key));
        foreach (var (ledger, parts) in expected)
        {
            foreach (var (part, answer) in parts!.AsObject())
            {
                var seen = actual[ledger]![part];
                Assert.True(JsonNode.DeepEquals(answer, seen),
                    $"{ledger} {part} differs from the old release's answer.\nexpected: {answer!.ToJsonString(Indented)}\nnow: {seen?.ToJsonString(Indented)}");
            }
        }
    }

    [Fact]
    public async Task A_database_of_the_release_before_the_journal_answers_as_it_did_after_the_upgrade_and_a_second_copy_changes_nothing()
    {
        var expected = Expected();
        var db = await RestoredDatabaseAsync("ledger_v1");
        Assert.Equal(0L, await ScalarAsync<long>(db, "SELECT count(*) FROM schema_migrations WHERE version >= '0006'"));
        await MigrationRunner.ApplyAsync(db);

        var clusterId = "v1-" + Guid.NewGuid().ToString("N")[..8];
        await using var silo = await SiloHost.StartAsync(db, clusterId, ServiceId);
        await using var gateway = new GatewayHost(db, clusterId);
        gateway.Settings["Orleans:ServiceId"] = ServiceId;
        var ledger = gateway.Ledger();

        // The silo's start copied every ledger: its records (the live ones and every sealed year's) and its seals.
        var ledgers = expected["ledgers"]!.AsObject();
        var copied = (await QueryAsync(db, "SELECT ledger, count(*) AS n FROM branchledger_journal GROUP BY ledger ORDER BY ledger"))
            .ToDictionary(r => (string)r["ledger"]!, r => (long)r["n"]!);
        foreach (var (key, parts) in ledgers)
        {
            var (tenant, node) = (key.Split('/')[0], key.Split('/')[1]);
            // A sealed year's listing also shows its workflows still open (live), hence distinct sequences.
            var records = parts!["history"]!.AsArray()
                .Concat(parts["years"]!.AsObject().SelectMany(y => y.Value!["history"]!.AsArray()))
                .Select(r => (string)r!["sequence"]!).Distinct().Count();
            Assert.True(records == copied.GetValueOrDefault(GrainKeys.Ledger(tenant, node)), $"{key}: {records} records read through the old release, {copied.GetValueOrDefault(GrainKeys.Ledger(tenant, node))} in the journal");
        }

        Assert.Equal(ledgers.Count, await ScalarAsync<long>(db, "SELECT count(*) FROM branchledger_journal_migrated"));

        // Everything a user saw through the old release reads the same.
        AssertSameAnswers(ledgers, await LedgerV1Reads.ReadAsync(ledger, Office));

        // Writes sent again: acknowledged ones answer as replays with their old record, a reused request id is refused.
        foreach (var resend in expected["resends"]!.AsArray())
        {
            var answer = await LedgerV1Reads.ResendAsync(
                ledger, As((string)resend!["subject"]!, (string)resend["tenant"]!), (string)resend["rpc"]!, resend["request"]!.ToJsonString());
            Assert.True(JsonNode.DeepEquals(resend["answer"], answer),
                $"resending {resend["request"]!.ToJsonString()} ({resend["rpc"]}) answered {answer.ToJsonString()}, the old release {resend["answer"]!.ToJsonString()}");
        }

        // A second copy (as at the next silo start) finds every ledger done and changes nothing.
        var before = await JournalDigestAsync(db);
        var serializer = silo.Services.GetRequiredService<Serializer>();
        var again = await new LedgerStateMigration(db, ServiceId, serializer, NullLogger.Instance).RunAsync();
        Assert.Equal((0, ledgers.Count), (again.Migrated, again.AlreadyDone));
        Assert.Empty(again.Failed);
        Assert.Equal(before, await JournalDigestAsync(db));
        AssertSameAnswers(ledgers, await LedgerV1Reads.ReadAsync(ledger, Office));
    }

    [Fact]
    public async Task The_comparison_sees_a_sealed_year_lost_in_the_upgrade()
    {
        // The same upgrade with one sealed year's archive row gone: the check must not pass on it.
        var expected = Expected();
        var db = await RestoredDatabaseAsync("ledger_v1_lost");
        var lost = await ExecuteAsync(db,
            "DELETE FROM orleansstorage WHERE graintypestring = 'ledger-archive' AND grainidextensionstring = 'v1-city-b/branch-x/2023'");
        Assert.Equal(1, lost);
        await MigrationRunner.ApplyAsync(db);

        var clusterId = "v1-" + Guid.NewGuid().ToString("N")[..8];
        await using var silo = await SiloHost.StartAsync(db, clusterId, ServiceId);
        await using var gateway = new GatewayHost(db, clusterId);
        gateway.Settings["Orleans:ServiceId"] = ServiceId;

        var seen = await LedgerV1Reads.ReadAsync(gateway.Ledger(), Office);
        var failure = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertSameAnswers(expected["ledgers"]!.AsObject(), seen));
        Assert.Contains("differs from the old release's answer", failure.Message, StringComparison.Ordinal);
    }
}
