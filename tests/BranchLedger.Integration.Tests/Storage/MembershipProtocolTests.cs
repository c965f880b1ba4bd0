using System.Net;
using BranchLedger.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService;
using static BranchLedger.Integration.Tests.Storage.StorageTestSupport;

namespace BranchLedger.Integration.Tests.Storage;

/// <summary>
/// The membership version protocol, heartbeats and cleanup, driven through the real Orleans 10.4.2
/// ADO.NET clustering table (the class the silos use) without running a cluster, so that
/// time-dependent cases (a 30 s heartbeat, week-old rows) take milliseconds.
/// </summary>
public sealed class MembershipProtocolTests
{
    private static int nextPort = 30000;

    [Theory]
    [InlineData(ConnectionFlavor.Default)]
    [InlineData(ConnectionFlavor.TokyoWithoutAsserts)]
    public async Task Stale_version_insert_and_update_return_false_and_change_nothing(ConnectionFlavor flavor)
    {
        var db = await TestPostgres.CreateDatabaseAsync($"membership_stale_{flavor}");
        var (table, clusterId) = await CreateTableAsync(WithFlavor(db, flavor));

        var first = NewEntry(SiloStatus.Joining);
        var initial = await table.ReadAllAsync(default);
        Assert.Equal(0, initial.Version.Version);
        Assert.True(await table.InsertRowAsync(first, initial.Version.Next(), default));

        var afterInsert = await table.ReadAllAsync(default);
        Assert.Equal(1, afterInsert.Version.Version);
        var (stored, storedEtag) = Assert.Single(afterInsert.Members);
        Assert.Equal(first.SiloAddress, stored.SiloAddress);

        var snapshot = await DumpMembershipAsync(db, clusterId);

        // Insert with the version read before the first insert: stale.
        Assert.False(await table.InsertRowAsync(NewEntry(SiloStatus.Joining), initial.Version.Next(), default));
        // Insert of a silo that already has a row, with the current version: refused as a whole,
        // the version must not move either.
        Assert.False(await table.InsertRowAsync(first, afterInsert.Version.Next(), default));
        // Update with a stale version.
        stored.Status = SiloStatus.Active;
        Assert.False(await table.UpdateRowAsync(stored, storedEtag, initial.Version.Next(), default));
        // Update of a silo that has no row, with the current version.
        Assert.False(await table.UpdateRowAsync(NewEntry(SiloStatus.Active), afterInsert.Version.VersionEtag, afterInsert.Version.Next(), default));

        Assert.Equal(snapshot, await DumpMembershipAsync(db, clusterId));

        // With the current version the update goes through and raises the version by one.
        stored.AddOrUpdateSuspector(NewEntry(SiloStatus.Active).SiloAddress, DateTime.UtcNow, 2);
        Assert.True(await table.UpdateRowAsync(stored, storedEtag, afterInsert.Version.Next(), default));
        var afterUpdate = await table.ReadAllAsync(default);
        Assert.Equal(2, afterUpdate.Version.Version);
        var (updated, _) = Assert.Single(afterUpdate.Members);
        Assert.Equal(SiloStatus.Active, updated.Status);
        Assert.Single(updated.SuspectTimes!);
    }

    [Theory]
    [InlineData(ConnectionFlavor.Default)]
    [InlineData(ConnectionFlavor.TokyoWithoutAsserts)]
    public async Task Heartbeat_moves_IAmAliveTime_only_and_keeps_the_version(ConnectionFlavor flavor)
    {
        // Stands in for "after more than 30 s": the silo's heartbeat is exactly this provider call.
        var db = await TestPostgres.CreateDatabaseAsync($"membership_heartbeat_{flavor}");
        var (table, _) = await CreateTableAsync(WithFlavor(db, flavor));
        var entry = NewEntry(SiloStatus.Active);
        Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync(default)).Version.Next(), default));
        var before = await table.ReadAllAsync(default);

        entry.IAmAliveTime = Truncate(entry.IAmAliveTime + TimeSpan.FromSeconds(31));
        await table.UpdateIAmAliveAsync(entry, default);

        var after = await table.ReadAllAsync(default);
        Assert.Equal(before.Version, after.Version);
        var (stored, _) = Assert.Single(after.Members);
        Assert.Equal(entry.IAmAliveTime, stored.IAmAliveTime);
        Assert.Equal(DateTimeKind.Utc, stored.IAmAliveTime.Kind);
        Assert.Equal(entry.StartTime, stored.StartTime);
        Assert.Equal(SiloStatus.Active, stored.Status);

        // A heartbeat for a silo without a row is a no-op.
        await table.UpdateIAmAliveAsync(NewEntry(SiloStatus.Active), default);
        Assert.Single((await table.ReadAllAsync(default)).Members);
    }

    [Theory]
    [InlineData(ConnectionFlavor.Default)]
    [InlineData(ConnectionFlavor.TokyoWithoutAsserts)]
    public async Task Cleanup_removes_old_dead_rows_only(ConnectionFlavor flavor)
    {
        var db = await TestPostgres.CreateDatabaseAsync($"membership_cleanup_{flavor}");
        var (table, clusterId) = await CreateTableAsync(WithFlavor(db, flavor));
        var longAgo = DateTime.UtcNow.AddDays(-8);

        var oldDead = NewEntry(SiloStatus.Dead, longAgo);
        var oldDeadWithVotes = NewEntry(SiloStatus.Dead, longAgo);
        var oldActive = NewEntry(SiloStatus.Active, longAgo);
        var recentDead = NewEntry(SiloStatus.Dead, DateTime.UtcNow.AddMinutes(-5));
        foreach (var entry in new[] { oldDead, oldDeadWithVotes, oldActive, recentDead })
        {
            Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync(default)).Version.Next(), default));
        }

        // Votes cast long ago: the provider still considers the row defunct.
        var data = await table.ReadAllAsync(default);
        var (withVotes, etag) = data.Members.Single(m => m.Item1.SiloAddress.Equals(oldDeadWithVotes.SiloAddress));
        withVotes.AddOrUpdateSuspector(oldActive.SiloAddress, longAgo.AddMinutes(1), 2);
        Assert.True(await table.UpdateRowAsync(withVotes, etag, data.Version.Next(), default));
        var versionBefore = (await table.ReadAllAsync(default)).Version;

        // The provider reads the table and deletes each defunct row with CleanupDefunctSiloEntryKey.
        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddDays(-7), default);

        var after = await table.ReadAllAsync(default);
        Assert.Equal(versionBefore, after.Version); // version row kept, version unchanged
        Assert.Equal(
            new[] { oldActive.SiloAddress, recentDead.SiloAddress }.Select(a => a.ToString()).Order(StringComparer.Ordinal),
            after.Members.Select(m => m.Item1.SiloAddress.ToString()).Order(StringComparer.Ordinal));

        // The bulk key (used by providers without the per-row key) keeps the same rule.
        var oldDead2 = NewEntry(SiloStatus.Dead, longAgo);
        Assert.True(await table.InsertRowAsync(oldDead2, after.Version.Next(), default));
        await RunStoredQueryAsync(WithFlavor(db, flavor), "CleanupDefunctSiloEntriesKey",
            P("DeploymentId", clusterId), P("IAmAliveTime", DateTime.UtcNow.AddDays(-7)));
        var afterBulk = await table.ReadAllAsync(default);
        Assert.Equal(after.Version.Next().Version, afterBulk.Version.Version);
        Assert.DoesNotContain(afterBulk.Members, m => m.Item1.SiloAddress.Equals(oldDead2.SiloAddress));
        Assert.Contains(afterBulk.Members, m => m.Item1.SiloAddress.Equals(oldActive.SiloAddress));
        Assert.Contains(afterBulk.Members, m => m.Item1.SiloAddress.Equals(recentDead.SiloAddress));
    }

    [Fact]
    public async Task Deleting_the_cluster_removes_members_and_version_row()
    {
        var db = await TestPostgres.CreateDatabaseAsync("membership_delete");
        var (table, clusterId) = await CreateTableAsync(db);
        Assert.True(await table.InsertRowAsync(NewEntry(SiloStatus.Active), (await table.ReadAllAsync(default)).Version.Next(), default));

        await table.DeleteMembershipTableEntriesAsync(clusterId, default);

        Assert.Equal(string.Empty, await DumpMembershipAsync(db, clusterId));
    }

    private static async Task<(AdoNetClusteringTable Table, string ClusterId)> CreateTableAsync(string connectionString)
    {
        var clusterId = $"protocol-{Guid.NewGuid():N}";
        var table = new AdoNetClusteringTable(
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = "protocol-tests" }),
            Options.Create(new AdoNetClusteringSiloOptions { Invariant = Invariant, ConnectionString = connectionString }),
            NullLogger<AdoNetClusteringTable>.Instance);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true, default);
        return (table, clusterId);
    }

    private static MembershipEntry NewEntry(SiloStatus status, DateTime? time = null)
    {
        var port = Interlocked.Increment(ref nextPort);
        var at = Truncate(time ?? DateTime.UtcNow);
        return new MembershipEntry
        {
            SiloAddress = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, port), port),
            Status = status,
            ProxyPort = port + 1000,
            SiloName = $"silo-{port}",
            HostName = "test-host",
            StartTime = at,
            IAmAliveTime = at,
        };
    }

    /// <summary>PostgreSQL keeps microseconds; .NET ticks are finer.</summary>
    private static DateTime Truncate(DateTime value) =>
        new(value.Ticks - value.Ticks % 10, DateTimeKind.Utc);
}
