using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace BranchLedger.Storage;

/// <summary>
/// Applies the versioned schema migrations embedded in this assembly (<c>Migrations/NNNN_name.sql</c>)
/// to a PostgreSQL database: the Orleans ADO.NET query catalog, clustering, grain state and
/// reminders tables that the Orleans providers (invariant <c>"Npgsql"</c>) expect.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Applied migrations are recorded in <c>schema_migrations(version, name, checksum, applied_at)</c>.</item>
/// <item>Each migration runs in its own transaction together with the insert of its record, so it is
/// applied completely or not at all.</item>
/// <item>Every transaction first takes a transaction-scoped advisory lock, so silos starting at the
/// same time apply each migration exactly once; the others wait and then skip it.</item>
/// <item>A migration already applied is skipped; if its file changed since (checksum mismatch) the run
/// fails before changing anything. Migrations are never re-run: change the schema with a new file.</item>
/// <item>Objects are created unqualified, i.e. in the first schema of the role's <c>search_path</c>
/// (normally <c>public</c>), which is also where the Orleans providers look them up.</item>
/// </list>
/// </remarks>
public static partial class MigrationRunner
{
    // Arbitrary constant shared by every BranchLedger process ("BLSCHEMA" in ASCII). Advisory locks
    // are scoped to the current database, so different databases never wait for each other.
    private const long AdvisoryLockKey = 0x424C_5343_4845_4D41;

    private const string ResourcePrefix = "Migrations/";

    private static readonly Lazy<IReadOnlyList<Migration>> EmbeddedMigrations = new(LoadEmbeddedMigrations);

    /// <summary>The migrations embedded in this assembly, in the order they are applied.</summary>
    public static IReadOnlyList<Migration> Migrations => EmbeddedMigrations.Value;

    /// <summary>
    /// Applies every embedded migration that the database does not have yet.
    /// </summary>
    /// <param name="connectionString">An Npgsql connection string to the target database.</param>
    /// <param name="logger">Optional logger for progress messages.</param>
    /// <param name="ct">Cancels the run; the migration in progress is rolled back.</param>
    /// <returns>Which versions were applied now and which were already present.</returns>
    /// <exception cref="MigrationChecksumMismatchException">An applied migration's file has changed.</exception>
    public static async Task<MigrationResult> ApplyAsync(string connectionString, ILogger? logger = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var migrations = Migrations;

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);

        // Step 1 (under the lock): create the bookkeeping table if needed and verify every recorded
        // checksum before touching anything, so a tampered history fails the whole run up front.
        IReadOnlyDictionary<string, string> recorded;
        await using (var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false))
        {
            await LockAsync(connection, tx, ct).ConfigureAwait(false);
            await EnsureHistoryTableAsync(connection, tx, ct).ConfigureAwait(false);
            recorded = await ReadHistoryAsync(connection, tx, ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
        }

        foreach (var migration in migrations)
        {
            if (recorded.TryGetValue(migration.Version, out var checksum))
            {
                EnsureSameChecksum(migration, checksum);
            }
        }

        var known = migrations.Select(m => m.Version).ToHashSet(StringComparer.Ordinal);
        var unknown = recorded.Keys.Where(v => !known.Contains(v)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            // A newer build migrated this database (e.g. during a rolling upgrade). Not an error:
            // migrations only add, so older code keeps working; but say so.
            logger?.LogWarning("Database has schema migrations this build does not know: {Versions}", string.Join(", ", unknown));
        }

        // Step 2: one transaction per migration. Re-check under the lock: another process may have
        // applied it since step 1.
        var applied = new List<string>();
        var present = new List<string>();
        foreach (var migration in migrations)
        {
            await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            await LockAsync(connection, tx, ct).ConfigureAwait(false);

            var existing = await ReadChecksumAsync(connection, tx, migration.Version, ct).ConfigureAwait(false);
            if (existing is not null)
            {
                EnsureSameChecksum(migration, existing);
                await tx.CommitAsync(ct).ConfigureAwait(false);
                present.Add(migration.Version);
                continue;
            }

            logger?.LogInformation("Applying schema migration {Version} ({Name})", migration.Version, migration.Name);
            try
            {
                await using (var command = new NpgsqlCommand(migration.Sql, connection, tx))
                {
                    command.CommandTimeout = 0; // bounded by ct, not by a guess
                    await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                await using (var record = new NpgsqlCommand(
                    "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, clock_timestamp())",
                    connection, tx))
                {
                    record.Parameters.Add(new NpgsqlParameter { Value = migration.Version });
                    record.Parameters.Add(new NpgsqlParameter { Value = migration.Name });
                    record.Parameters.Add(new NpgsqlParameter { Value = migration.Checksum });
                    await record.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                await tx.CommitAsync(ct).ConfigureAwait(false);
            }
            catch (PostgresException ex)
            {
                throw new InvalidOperationException(
                    $"Schema migration {migration.Version}_{migration.Name} failed and was rolled back: {ex.SqlState} {ex.MessageText}" +
                    (ex.Position > 0 ? $" (at character {ex.Position.ToString(CultureInfo.InvariantCulture)})" : ""),
                    ex);
            }

            applied.Add(migration.Version);
        }

        if (applied.Count > 0)
        {
            logger?.LogInformation("Schema migrations applied: {Applied}; already present: {Present}",
                string.Join(", ", applied), present.Count == 0 ? "none" : string.Join(", ", present));
        }
        else
        {
            logger?.LogInformation("Schema is up to date ({Count} migrations present)", present.Count);
        }

        return new MigrationResult(applied, present, unknown);
    }

    private static async Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction tx, CancellationToken ct)
    {
        // Released automatically at commit or rollback, also if the process dies mid-migration.
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, tx);
        command.Parameters.Add(new NpgsqlParameter { Value = AdvisoryLockKey });
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static async Task EnsureHistoryTableAsync(NpgsqlConnection connection, NpgsqlTransaction tx, CancellationToken ct)
    {
        // Checked first instead of CREATE TABLE IF NOT EXISTS, which would emit a notice on every start.
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('schema_migrations') IS NOT NULL", connection, tx))
        {
            if ((bool)(await exists.ExecuteScalarAsync(ct).ConfigureAwait(false))!)
            {
                return;
            }
        }

        const string Ddl = """
            CREATE TABLE schema_migrations (
                version    text PRIMARY KEY,
                name       text NOT NULL,
                checksum   text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            );
            COMMENT ON TABLE schema_migrations IS
                'Schema migrations applied by BranchLedger.Storage.MigrationRunner (checksum = SHA-256 of the file, LF line endings).';
            """;
        await using var create = new NpgsqlCommand(Ddl, connection, tx);
        await create.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyDictionary<string, string>> ReadHistoryAsync(NpgsqlConnection connection, NpgsqlTransaction tx, CancellationToken ct)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand("SELECT version, checksum FROM schema_migrations", connection, tx);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            result[reader.GetString(0)] = reader.GetString(1);
        }

        return result;
    }

    private static async Task<string?> ReadChecksumAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string version, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT checksum FROM schema_migrations WHERE version = $1", connection, tx);
        command.Parameters.Add(new NpgsqlParameter { Value = version });
        return (string?)await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
    }

    private static void EnsureSameChecksum(Migration migration, string recordedChecksum)
    {
        if (!string.Equals(recordedChecksum, migration.Checksum, StringComparison.Ordinal))
        {
            throw new MigrationChecksumMismatchException(migration.Version, migration.Name, recordedChecksum, migration.Checksum);
        }
    }

    private static List<Migration> LoadEmbeddedMigrations()
    {
        var assembly = typeof(MigrationRunner).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var fileName = resource[ResourcePrefix.Length..];
            var match = FileNamePattern().Match(fileName);
            if (!match.Success)
            {
                throw new InvalidOperationException(
                    $"Embedded migration '{fileName}' is not named like 0001_lowercase_name.sql.");
            }

            migrations.Add(Migration.Create(match.Groups["version"].Value, match.Groups["name"].Value, ReadResource(assembly, resource)));
        }

        migrations.Sort((a, b) => string.CompareOrdinal(a.Version, b.Version));
        for (var i = 1; i < migrations.Count; i++)
        {
            if (migrations[i].Version == migrations[i - 1].Version)
            {
                throw new InvalidOperationException($"Two embedded migrations share version {migrations[i].Version}.");
            }
        }

        return migrations;
    }

    private static string ReadResource(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource '{resource}' not found.");
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^(?<version>[0-9]{4})_(?<name>[a-z0-9_]+)\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex FileNamePattern();
}

/// <summary>One embedded schema migration.</summary>
/// <param name="Version">The four-digit version, e.g. <c>0001</c>; migrations apply in ordinal order.</param>
/// <param name="Name">The descriptive part of the file name.</param>
/// <param name="Sql">The SQL text (line endings normalised to LF).</param>
/// <param name="Checksum">Lowercase hex SHA-256 of the UTF-8 SQL text with LF line endings, so a
/// checkout with CRLF line endings yields the same checksum.</param>
public sealed record Migration(string Version, string Name, string Sql, string Checksum)
{
    internal static Migration Create(string version, string name, string text)
    {
        var sql = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
        return new Migration(version, name, sql, checksum);
    }
}

/// <summary>The outcome of <see cref="MigrationRunner.ApplyAsync"/>.</summary>
/// <param name="Applied">Versions applied by this call, in order.</param>
/// <param name="AlreadyPresent">Versions that were already applied (checksums verified).</param>
/// <param name="UnknownInDatabase">Versions recorded in the database that this build does not contain
/// (applied by a newer build); reported, not an error.</param>
public sealed record MigrationResult(
    IReadOnlyList<string> Applied,
    IReadOnlyList<string> AlreadyPresent,
    IReadOnlyList<string> UnknownInDatabase)
{
    /// <summary>A one-line summary, e.g. <c>applied: 0003, 0004; already present: 0001, 0002</c>.</summary>
    public override string ToString()
    {
        static string List(IReadOnlyList<string> versions) => versions.Count == 0 ? "none" : string.Join(", ", versions);
        var text = $"applied: {List(Applied)}; already present: {List(AlreadyPresent)}";
        return UnknownInDatabase.Count == 0 ? text : $"{text}; unknown to this build: {List(UnknownInDatabase)}";
    }
}

/// <summary>
/// An applied migration's file differs from the one recorded when it was applied. Migrations are
/// never re-run: restore the original file and add the change as a new migration.
/// </summary>
public sealed class MigrationChecksumMismatchException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public MigrationChecksumMismatchException(string version, string name, string recordedChecksum, string currentChecksum)
        : base($"Schema migration {version}_{name} was applied with checksum {recordedChecksum}, but the embedded file now has " +
               $"checksum {currentChecksum}. Applied migrations must not change: restore the file and put the change in a new migration.")
    {
        Version = version;
        RecordedChecksum = recordedChecksum;
        CurrentChecksum = currentChecksum;
    }

    /// <summary>The migration version.</summary>
    public string Version { get; }

    /// <summary>The checksum recorded in <c>schema_migrations</c>.</summary>
    public string RecordedChecksum { get; }

    /// <summary>The checksum of the embedded file.</summary>
    public string CurrentChecksum { get; }
}
