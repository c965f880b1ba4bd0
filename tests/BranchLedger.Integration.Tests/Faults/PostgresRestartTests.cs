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
public sealed class PostgresRestartTests(ITestOutputHelper output)
{
    private const string Tenant = "pg-restart";
    private static readonly StatusCode[] Retryable = [StatusCode.Unavailable, StatusCode.DeadlineExceeded];

    [Fact]
    public async Task Writes_during_a_database_restart_fail_retryably_and_none_acknowledged_is_lost()
    {
        // Its own server: stopping the shared one would break every other test running.
        var server = OwnServer();
        try
        {
            var db = await CreateDatabaseAsync(server.ConnectionString);
            await using var platform = new LocalPlatform(db);
            await platform.StartAsync();
            var branches = Enumerable.Range(1, 8).Select(i => $"pg-branch-{i}").ToList();
            foreach (var branch in branches)
            {
                await Retry.WhileUnavailableAsync(() => Nodes.EnsureAsync(platform.Directory(), Tenant, branch, members: 30));
            }

            var load = new WriteLoad(platform.Ledger(), Tenant, branches, "pg");
            using var stop = new CancellationTokenSource();
            var running = load.RunAsync(workers: 6, stop.Token);
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

            await load.WaitUntilAsync(l => l.EveryBranchAcknowledgedAfter(restartedAt), TimeSpan.FromSeconds(90), "every branch to take writes after the restart");
            var recovered = load.FirstAcknowledgedAfter(restartedAt);
            var everyBranchAt = load.Now;
            await stop.CancelAsync();
            await running;
            var (exactlyOnce, problems) = await load.VerifyAsync();

            output.WriteLine($"acknowledged writes: {load.Acknowledged} ({acknowledgedBefore} before the stop); found exactly once: {exactlyOnce}");
            output.WriteLine($"database down {(startingAt - stoppedAt).TotalSeconds:0.0} s, then {(restartedAt - startingAt).TotalSeconds:0.0} s to start; failed attempts while down: {failedWhileDown}; retries in all: {load.Retries} (answered replayed: {load.Replayed})");
            output.WriteLine("failed attempts by status: " + string.Join(", ", load.Failures.Select(f => $"{f.Key} {f.Value}")));
            output.WriteLine($"recovery: first write acknowledged {(recovered - restartedAt)?.TotalSeconds:0.00} s after the server accepted connections again "
                + $"({(recovered - startingAt)?.TotalSeconds:0.0} s after it was started), every branch after {(everyBranchAt - restartedAt).TotalSeconds:0.0} s");
            if (load.Failures.Keys.Any(code => !Retryable.Contains(code)))
            {
                output.WriteLine(platform.Gateway!.Output);
            }

            Assert.All(load.Failures.Keys, code => Assert.Contains(code, Retryable));
            Assert.True(problems.Count == 0, string.Join('\n', problems.Take(30)));
            Assert.Equal(load.Acknowledged, exactlyOnce);
        }
        finally
        {
            server.Stop();
        }
    }

    // One data folder, reused run after run; a server a killed run left behind is restarted on a free port.
    private static LocalServer OwnServer()
    {
        var server = LocalServer.Start("fault-postgres", Ports.Free());
        if (!server.StartedByUs)
        {
            server.Stop();
            server = LocalServer.Start("fault-postgres", Ports.Free());
        }

        return server;
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
