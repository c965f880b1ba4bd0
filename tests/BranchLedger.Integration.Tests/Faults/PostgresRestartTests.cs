using BranchLedger.Integration.Tests.Infrastructure;
using BranchLedger.LocalPostgres;
using BranchLedger.Storage;
using Grpc.Core;
using Npgsql;
using Xunit.Abstractions;

namespace BranchLedger.Integration.Tests.Faults;

/// <summary>
/// PostgreSQL stopped and started again while a client writes through the silo and gateway
/// processes: callers see only retryable statuses, and no acknowledged write is lost.
/// </summary>
[Collection(ProcessFaultsCollection.Name)]
public sealed class PostgresRestartTests(ITestOutputHelper output)
{
    private const string Tenant = "pg-restart";
    private static readonly StatusCode[] Retryable = [StatusCode.Unavailable, StatusCode.DeadlineExceeded];

    [Fact]
    public async Task Writes_during_a_database_restart_fail_retryably_and_none_acknowledged_is_lost()
    {
        // Its own throwaway server: stopping the shared one would break every other test running.
        var server = LocalServer.StartThrowaway("fault", Ports.Free());
        try
        {
            var db = await CreateDatabaseAsync(server.ConnectionString);
            await using var platform = new LocalPlatform(db);
            var starting = System.Diagnostics.Stopwatch.StartNew();
            await platform.StartAsync();
            output.WriteLine($"silo and gateway processes started in {starting.Elapsed.TotalSeconds:0.0} s");
            var branches = Enumerable.Range(1, 8).Select(i => $"pg-branch-{i}").ToList();
            foreach (var branch in branches)
            {
                await Retry.WhileUnavailableAsync(() => Nodes.EnsureAsync(platform.Directory(), Tenant, branch, members: 30));
            }

            var load = new WriteLoad(platform.Ledger(), Tenant, branches, "pg");
            load.Start(workers: 6);
            await load.WaitUntilAsync(l => l.Acknowledged >= 40, TimeSpan.FromSeconds(60), "writes before the restart");

            server.Stop();
            var stoppedAt = load.Now;
            var acknowledgedBefore = load.Acknowledged;
            await load.WaitUntilAsync(l => l.Failures.Values.Sum() >= 10 && l.Now - stoppedAt > TimeSpan.FromSeconds(3),
                TimeSpan.FromSeconds(60), "writes failing while the database is down");
            var failedWhileDown = load.Failures.Values.Sum();
            var startingAt = load.Now;
            LocalServer.Run(server.Script, server.Environment, "start");
            var restartedAt = load.Now;

            var (first, everyBranch) = await load.RecoveryAfterAsync(restartedAt, "the restart");
            output.WriteLine($"{acknowledgedBefore} writes acknowledged before the stop; database down {(startingAt - stoppedAt).TotalSeconds:0.0} s "
                + $"(failed attempts meanwhile: {failedWhileDown}), then {(restartedAt - startingAt).TotalSeconds:0.0} s to start");
            output.WriteLine($"recovery: first write acknowledged {first.TotalSeconds:0.00} s after the server accepted connections again, "
                + $"every branch after {everyBranch.TotalSeconds:0.0} s");
            if (load.Failures.Keys.Any(code => !Retryable.Contains(code)))
            {
                output.WriteLine(platform.Gateway!.Output);
            }

            Assert.All(load.Failures.Keys, code => Assert.Contains(code, Retryable));
            await load.StopAndVerifyAsync(output);
        }
        finally
        {
            // Stopped and deleted; if this process dies first, the script's watcher does it.
            server.Destroy();
        }
    }

    private static async Task<string> CreateDatabaseAsync(string serverConnectionString)
    {
        const string Name = "fault_restart";
        await using (var connection = new NpgsqlConnection(serverConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {Name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var db = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = Name }.ConnectionString;
        await MigrationRunner.ApplyAsync(db);
        return db;
    }
}
