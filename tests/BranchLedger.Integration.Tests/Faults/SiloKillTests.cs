using BranchLedger.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace BranchLedger.Integration.Tests.Faults;

/// <summary>
/// Two silos and a gateway as real processes on one database; one silo is killed (SIGKILL) while a
/// client writes. The client retries what failed with the same request id; afterwards every
/// acknowledged write is stored exactly once.
/// </summary>
[Collection(ProcessFaultsCollection.Name)]
public sealed class SiloKillTests(ITestOutputHelper output)
{
    private const string Tenant = "kill-tenant";

    [Fact]
    public async Task Every_acknowledged_write_is_stored_exactly_once_after_a_silo_is_killed_mid_load()
    {
        var db = await TestPostgres.CreateDatabaseAsync("silo-kill");
        await using var platform = new LocalPlatform(db, silos: 2);
        var starting = System.Diagnostics.Stopwatch.StartNew();
        await platform.StartAsync();
        output.WriteLine($"silo and gateway processes started in {starting.Elapsed.TotalSeconds:0.0} s");
        var directory = platform.Directory();
        var branches = Enumerable.Range(1, 12).Select(i => $"kill-branch-{i}").ToList();
        foreach (var branch in branches)
        {
            await Retry.WhileUnavailableAsync(() => Nodes.EnsureAsync(directory, Tenant, branch, members: 30));
        }

        var load = new WriteLoad(platform.Ledger(), Tenant, branches, "kill");
        load.Start(workers: 6);
        await load.WaitUntilAsync(l => l.Acknowledged >= 80, TimeSpan.FromSeconds(60), "writes before the kill");

        var victim = platform.Silos[1];
        await victim.KillAsync();
        var killedAt = load.Now;
        var acknowledgedBefore = load.Acknowledged;
        Assert.False(victim.IsRunning);

        // Every branch, wherever its grain lived, takes writes again (on the surviving silo).
        var (first, everyBranch) = await load.RecoveryAfterAsync(killedAt, "the kill");
        output.WriteLine($"{acknowledgedBefore} writes acknowledged before the kill; after it the first write was acknowledged after "
            + $"{first.TotalSeconds:0.0} s, every branch after {everyBranch.TotalSeconds:0.0} s");
        await load.StopAndVerifyAsync(output);
        Assert.True(platform.Silo!.IsRunning, "the surviving silo stopped:\n" + platform.Silo.Output);
    }
}
