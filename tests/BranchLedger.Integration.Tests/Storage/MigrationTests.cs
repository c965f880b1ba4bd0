using System.Text;
using BranchLedger.Integration.Tests.Infrastructure;
using BranchLedger.Storage;
using static BranchLedger.Integration.Tests.Storage.StorageTestSupport;

namespace BranchLedger.Integration.Tests.Storage;

public sealed class MigrationTests
{
    private static readonly string[] ClusteringKeys =
    [
        "InsertMembershipVersionKey", "MembershipReadAllKey", "MembershipReadRowKey", "InsertMembershipKey",
        "UpdateMembershipKey", "UpdateIAmAlivetimeKey", "GatewaysQueryKey", "DeleteMembershipTableEntriesKey",
        "CleanupDefunctSiloEntriesKey", "CleanupDefunctSiloEntryKey",
    ];

    private static readonly string[] PersistenceKeys =
        ["ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey", "DeleteStorageKey"];

    private static readonly string[] ReminderKeys =
    [
        "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key", "ReadRangeRows2Key",
        "UpsertReminderRowKey", "DeleteReminderRowKey", "DeleteReminderRowsKey",
    ];

    [Fact]
    public async Task Fresh_database_gets_every_migration_and_a_second_run_changes_nothing()
    {
        var db = await TestPostgres.CreateEmptyDatabaseAsync("migrate_twice");
        var versions = MigrationRunner.Migrations.Select(m => m.Version).ToList();
        Assert.Equal(["0001", "0002", "0003", "0004", "0005", "0006", "0007"], versions);

        var first = await MigrationRunner.ApplyAsync(db);
        Assert.Equal(versions, first.Applied);
        Assert.Empty(first.AlreadyPresent);

        var before = await DumpCatalogAsync(db);
        var second = await MigrationRunner.ApplyAsync(db);
        var after = await DumpCatalogAsync(db);

        Assert.Empty(second.Applied);
        Assert.Equal(versions, second.AlreadyPresent);
        Assert.Empty(second.UnknownInDatabase);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Silos_migrating_at_the_same_time_apply_each_migration_once()
    {
        var db = await TestPostgres.CreateEmptyDatabaseAsync("migrate_race");

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => MigrationRunner.ApplyAsync(db))));

        var applied = results.SelectMany(r => r.Applied).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(MigrationRunner.Migrations.Select(m => m.Version), applied);
        Assert.All(results, r => Assert.Equal(MigrationRunner.Migrations.Count, r.Applied.Count + r.AlreadyPresent.Count));
        Assert.Equal((long)MigrationRunner.Migrations.Count, await ScalarAsync<long>(db, "SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task Changed_checksum_of_an_applied_migration_fails_loudly_and_changes_nothing()
    {
        var db = await TestPostgres.CreateDatabaseAsync("migrate_checksum");
        await ExecuteAsync(db, "UPDATE schema_migrations SET checksum = 'tampered' WHERE version = '0002'");
        var before = await DumpCatalogAsync(db);

        var error = await Assert.ThrowsAsync<MigrationChecksumMismatchException>(() => MigrationRunner.ApplyAsync(db));

        Assert.Equal("0002", error.Version);
        Assert.Equal("tampered", error.RecordedChecksum);
        Assert.Equal(before, await DumpCatalogAsync(db));
    }

    [Fact]
    public async Task Catalog_holds_exactly_the_provider_keys_under_lowercase_unquoted_names()
    {
        var db = await TestPostgres.CreateDatabaseAsync("migrate_catalog");

        // Exactly what the providers select, unquoted: resolves only if the names are lowercase.
        var rows = await QueryAsync(db, "SELECT QueryKey, QueryText FROM OrleansQuery");
        var keys = rows.Select(r => (string)r["querykey"]!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(ClusteringKeys.Concat(PersistenceKeys).Concat(ReminderKeys).Order(StringComparer.Ordinal), keys);
        Assert.All(rows, r => Assert.False(string.IsNullOrWhiteSpace((string?)r["querytext"])));

        // No timestamp without time zone, no varchar anywhere in our schema.
        var badColumns = await QueryAsync(db,
            """
            SELECT table_name, column_name, data_type FROM information_schema.columns
            WHERE table_schema = current_schema()
              AND data_type IN ('timestamp without time zone', 'character varying', 'character')
            """);
        Assert.Empty(badColumns);
    }

    /// <summary>Everything a migration could change: objects with their OIDs (a drop and re-create
    /// changes them), definitions, and the rows of the catalog and history with their xmin (an
    /// update rewrites it).</summary>
    private static async Task<string> DumpCatalogAsync(string db)
    {
        var rows = await QueryAsync(db,
            """
            SELECT line FROM (
                SELECT format('rel %s %s %s %s', c.relname, c.relkind, c.oid, obj_description(c.oid, 'pg_class')) AS line
                  FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace
                UNION ALL
                SELECT format('col %s.%s %s %s %s', table_name, column_name, data_type, is_nullable, column_default)
                  FROM information_schema.columns WHERE table_schema = current_schema()
                UNION ALL
                SELECT format('idx %s', indexdef) FROM pg_indexes WHERE schemaname = current_schema()
                UNION ALL
                SELECT format('con %s %s %s', conname, oid, pg_get_constraintdef(oid))
                  FROM pg_constraint WHERE connamespace = current_schema()::regnamespace
                UNION ALL
                SELECT format('fn %s %s %s', p.oid::regprocedure, p.oid, md5(pg_get_functiondef(p.oid)))
                  FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace
                UNION ALL
                SELECT format('q %s %s %s', querykey, xmin, md5(querytext)) FROM orleansquery
                UNION ALL
                SELECT format('m %s %s %s %s %s', version, name, checksum, applied_at, xmin) FROM schema_migrations
            ) AS dump
            ORDER BY line
            """);
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.Append(row["line"]).Append('\n');
        }

        return text.ToString();
    }
}
