using BranchLedger.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace BranchLedger.Integration.Tests.Faults;

/// <summary>
/// Two silos and a gateway as real processes on one database; one silo is killed (SIGKILL) while a
/// client writes. The client retries what failed with the same request id; afterwards every
/// acknowledged write is stored exactly once.
/// </summary>
public sealed class SiloKillTests(ITestOutputHelper output)
{
    private const string Tenant = "kill-tenant";

    [Fact]
    public async Task Every_acknowledged_write_is_stored_exactly_once_after_a_silo_is_killed_mid_load()
    {
        var db = await TestPostgres.CreateDatabaseAsync("silo-kill");
        await using var platform = new LocalPlatform(db, silos: 2);
        await platform.StartAsync();
        var directory = platform.Directory();
        var branches = Enumerable.Range(1, 12).Select(i => $"kill-branch-{i}").ToList();
        foreach (var branch in branches)
        {
            await Retry.WhileUnavailableAsync(() => Nodes.EnsureAsync(directory, Tenant, branch, members: 30));
        }

        var load = new WriteLoad(platform.Ledger(), Tenant, branches, "kill");
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(workers: 6, stop.Token);
        await load.WaitUntilAsync(l => l.Acknowledged >= 80, TimeSpan.FromSeconds(60), "writes before the kill");

        var victim = platform.Silos[1];
        await victim.KillAsync();
        var killedAt = load.Now;
        var acknowledgedBefore = load.Acknowledged;
        Assert.False(victim.IsRunning);

        // Every branch, wherever its grain lived, takes writes again (on the surviving silo).
        await load.WaitUntilAsync(l => l.EveryBranchAcknowledgedAfter(killedAt), TimeSpan.FromSeconds(90), "every branch to take writes after the kill");
        var recovered = load.FirstAcknowledgedAfter(killedAt);
        var everyBranchAt = load.Now;
        await stop.CancelAsync();
        await running;
        var (exactlyOnce, problems) = await load.VerifyAsync();

        output.WriteLine($"acknowledged writes: {load.Acknowledged} ({acknowledgedBefore} before the kill); found exactly once: {exactlyOnce}");
        output.WriteLine($"retries: {load.Retries} (answered replayed: {load.Replayed}); failed attempts by status: "
            + string.Join(", ", load.Failures.Select(f => $"{f.Key} {f.Value}")));
        output.WriteLine($"after the kill: first write acknowledged after {(recovered - killedAt)?.TotalSeconds:0.0} s, every branch after {(everyBranchAt - killedAt).TotalSeconds:0.0} s");
        Assert.True(problems.Count == 0, string.Join('\n', problems.Take(30)));
        Assert.Equal(load.Acknowledged, exactlyOnce);
        Assert.True(platform.Silo!.IsRunning, "the surviving silo stopped:\n" + platform.Silo.Output);
    }
}
