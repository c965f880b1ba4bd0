using Npgsql;

namespace BranchLedger.Grains;

/// <summary>The connection pools of the platform's own PostgreSQL stores (journal, audit trail, score inputs).</summary>
internal static class PostgresDataSources
{
    /// <summary>
    /// A pool named <paramref name="name"/>, so diagnostics say what it is for instead of repeating the
    /// connection string. These stores set no session state (no temporary tables, LISTEN, advisory locks
    /// or SET), so a connection going back to the pool is not reset: the reset was a second transaction
    /// of seven statements after every journal append (pg_stat_statements, BENCHMARKS.md). They send the
    /// same few statements all day, so each connection prepares them after their second use instead of
    /// having PostgreSQL parse and plan every one.
    /// </summary>
    public static NpgsqlDataSource Build(string connectionString, string name) => new NpgsqlDataSourceBuilder(connectionString)
    {
        Name = name,
        ConnectionStringBuilder = { NoResetOnClose = true, MaxAutoPrepare = 16, AutoPrepareMinUsages = 2 },
    }.Build();
}
