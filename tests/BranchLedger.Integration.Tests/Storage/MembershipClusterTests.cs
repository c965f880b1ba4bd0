using BranchLedger.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Messaging;
using static BranchLedger.Integration.Tests.Storage.StorageTestSupport;

namespace BranchLedger.Integration.Tests.Storage;

/// <summary>Real silos and a real client joining through the ADO.NET clustering provider on our schema.</summary>
public sealed class MembershipClusterTests
{
    private const int Active = 3;

    [Theory]
    [InlineData(ConnectionFlavor.Default)]
    [InlineData(ConnectionFlavor.TokyoWithoutAsserts)]
    public async Task Two_silos_join_become_active_and_serve_a_client(ConnectionFlavor flavor)
    {
        var db = await TestPostgres.CreateDatabaseAsync($"membership_{flavor}");
        await InstallMembershipWriteCounterAsync(db);
        var connectionString = WithFlavor(db, flavor);

        var cluster = await StartClusterAsync(connectionString, silos: 2);
        var clusterId = cluster.ClusterId;
        try
        {
            // Both silos are in the table, Active, with their real addresses.
            var members = await QueryAsync(db,
                "SELECT address, port, generation, status, proxyport FROM orleansmembershiptable WHERE deploymentid = @c",
                P("c", clusterId));
            Assert.Equal(2, members.Count);
            Assert.All(members, m => Assert.Equal(Active, m["status"]));
            Assert.All(members, m => Assert.True((int)m["proxyport"]! > 0));
            var siloAddresses = cluster.SiloAddresses.Order(StringComparer.Ordinal).ToList();
            Assert.Equal(
                siloAddresses,
                members.Select(m => $"S{m["address"]}:{m["port"]}:{m["generation"]}").Order(StringComparer.Ordinal));

            // The version rose exactly once per membership write (at least a join and an activation per silo).
            var (version, writes) = await VersionAndWritesAsync(db, clusterId);
            Assert.True(writes >= 4, $"expected at least 4 membership writes, saw {writes}");
            Assert.Equal(writes, version);

            // The client found both gateways through GatewaysQueryKey ...
            var gateways = await cluster.Client.ServiceProvider.GetRequiredService<IGatewayListProvider>().GetGateways();
            Assert.Equal(2, gateways.Distinct().Count());

            // ... and its calls reach grains on both silos.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var key = 0; key < 64 && seen.Count < 2; key++)
            {
                seen.Add(await cluster.Client.GetGrain<IWhereGrain>(key).SiloAddress());
            }

            Assert.Equal(siloAddresses, seen.Order(StringComparer.Ordinal));
        }
        finally
        {
            await cluster.DisposeAsync();
        }

        // Graceful shutdown writes the silos' last statuses; still one version step per write.
        var (finalVersion, finalWrites) = await VersionAndWritesAsync(db, clusterId);
        Assert.True(finalWrites > 4);
        Assert.Equal(finalWrites, finalVersion);
        Assert.DoesNotContain(
            await QueryAsync(db, "SELECT status FROM orleansmembershiptable WHERE deploymentid = @c", P("c", clusterId)),
            m => (int)m["status"]! == Active);
    }

    /// <summary>Counts the membership inserts and status/suspicion updates (not heartbeats, which
    /// only set iamalivetime) with a test-only trigger.</summary>
    private static Task<int> InstallMembershipWriteCounterAsync(string db) => ExecuteAsync(db,
        """
        CREATE TABLE test_membership_writes (deploymentid text PRIMARY KEY, writes integer NOT NULL);
        CREATE FUNCTION test_count_membership_write() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
            INSERT INTO test_membership_writes VALUES (NEW.deploymentid, 1)
            ON CONFLICT (deploymentid) DO UPDATE SET writes = test_membership_writes.writes + 1;
            RETURN NULL;
        END;
        $fn$;
        CREATE TRIGGER test_count_membership_write
            AFTER INSERT OR UPDATE OF status, suspecttimes ON orleansmembershiptable
            FOR EACH ROW EXECUTE FUNCTION test_count_membership_write();
        """);

    private static async Task<(int Version, int Writes)> VersionAndWritesAsync(string db, string clusterId)
    {
        var row = Assert.Single(await QueryAsync(db,
            """
            SELECT v.version, coalesce(w.writes, 0) AS writes
            FROM orleansmembershipversiontable v
            LEFT JOIN test_membership_writes w ON w.deploymentid = v.deploymentid
            WHERE v.deploymentid = @c
            """, P("c", clusterId)));
        return ((int)row["version"]!, (int)row["writes"]!);
    }
}
