using BranchLedger.Contracts;
using BranchLedger.Contracts.Directory;
using BranchLedger.Contracts.Errors;
using BranchLedger.Domain.Directory;
using BranchLedger.Grains.Directory;
using BranchLedger.Integration.Tests.Infrastructure;
using Npgsql;
using static BranchLedger.Integration.Tests.OrgDirectory.DirectoryCommands;

namespace BranchLedger.Integration.Tests.OrgDirectory;

/// <summary>The directory is durable: it survives a cluster restart, and a failed write is never acknowledged.</summary>
public sealed class TenantGrainPersistenceTests
{
    [Fact]
    public async Task The_directory_survives_a_whole_cluster_restart_in_its_own_row()
    {
        var db = await TestPostgres.CreateDatabaseAsync("directory-restart");
        var key = GrainKeys.Tenant("city-dpf");
        DirectoryNode before;
        await using (var cluster = await LedgerCluster.StartAsync(db))
        {
            var tenant = await SampleTree(cluster.Client.GetGrain<ITenantGrain>(key));
            await tenant.RenameNode(Command(new NodeRenamed { NodeId = "branch-a", Name = "机关第一党支部" }, "rename-1"));
            await tenant.CloseNode(Command(new NodeClosed { NodeId = "group-a", Reason = "撤并" }));
            await tenant.SetRoster(Roster("branch-a", new DateOnly(2026, 1, 1), 30));
            before = (await tenant.GetNode("branch-a"))!;
        }

        await using (var cluster = await LedgerCluster.StartAsync(db))
        {
            var tenant = cluster.Client.GetGrain<ITenantGrain>(key);
            Assert.Equal(before, await tenant.GetNode("branch-a"));
            Assert.True((await tenant.GetNode("group-a"))!.IsClosed);
            Assert.Equal(30, (await tenant.GetRosterAt("branch-a", new DateOnly(2026, 2, 1)))!.Roster.Members);
            Assert.Equal("市总工会", (await tenant.GetTenant())!.Profile.DisplayName);

            // The rebuilt index still knows every request id and every rule.
            var replay = await tenant.RenameNode(Command(new NodeRenamed { NodeId = "branch-a", Name = "机关第一党支部" }, "rename-1"));
            Assert.True(replay.Replayed);
            await Assert.ThrowsAsync<PreconditionFailedException>(() => tenant.RenameNode(Command(new NodeRenamed { NodeId = "group-a", Name = "新" })));
            Assert.Equal(3, (await tenant.ListNodeHistory("branch-a", 0, 10)).Items.Count);
        }

        // One row, under the grain class's own state name, keyed by the tenant id alone.
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            "select graintypestring, version from orleansstorage where grainidextensionstring = @key", connection);
        query.Parameters.AddWithValue("key", "city-dpf");
        await using var reader = await query.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(TenantGrain.StateName, reader.GetString(0));
        Assert.Equal(7, reader.GetInt32(1));
        Assert.False(await reader.ReadAsync());
    }

    [Fact]
    public async Task A_write_that_storage_refuses_is_unavailable_changes_nothing_and_can_be_retried()
    {
        var db = await TestPostgres.CreateDatabaseAsync("directory-storage-failure");
        await using var cluster = await LedgerCluster.StartAsync(db);
        var tenant = await SampleTree(cluster.Client.GetGrain<ITenantGrain>(GrainKeys.Tenant("failing-body")));
        var create = Create("branch-b", NodeKind.Branch, "party-group", "create-b");

        // PostgreSQL refuses every write of this grain's row until the trigger is dropped.
        await Sql(db, """
            create function refuse_write() returns trigger language plpgsql as $$ begin raise exception 'injected failure'; end $$;
            create trigger refuse_write before update on orleansstorage for each row
                when (new.grainidextensionstring = 'failing-body') execute function refuse_write();
            """);
        await Assert.ThrowsAsync<StorageUnavailableException>(() => tenant.CreateNode(create));
        await Sql(db, "drop trigger refuse_write on orleansstorage;");

        Assert.Null(await tenant.GetNode("branch-b"));
        var retried = await tenant.CreateNode(create);
        Assert.False(retried.Replayed);
        Assert.Equal(4, (await tenant.ListNodes(null, true, 0, 10)).Items.Count);
        Assert.True((await tenant.CreateNode(create)).Replayed);
    }

    private static async Task Sql(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
