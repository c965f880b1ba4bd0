using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace BranchLedger.Hosting;

/// <summary>PostgreSQL answers: open a connection, <c>SELECT 1</c>.</summary>
public sealed class PostgresHealthCheck : IHealthCheck, IDisposable, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    /// <summary>A check on its own small data source whose commands are not traced (probes run every few seconds).</summary>
    public PostgresHealthCheck(string connectionString)
    {
        // Named, so diagnostics say what the pool is for instead of repeating the connection string.
        var builder = new NpgsqlDataSourceBuilder(connectionString) { Name = "branchledger-health" };
        builder.ConnectionStringBuilder.ApplicationName ??= "branchledger-health";
        builder.ConnectionStringBuilder.MaxPoolSize = 2;
        builder.ConfigureTracing(o => o.ConfigureCommandFilter(_ => false));
        _dataSource = builder.Build();
    }

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = _dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("PostgreSQL answers.");
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "PostgreSQL does not answer.", ex);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _dataSource.Dispose();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}

/// <summary>Registration of <see cref="PostgresHealthCheck"/>.</summary>
public static class PostgresHealthCheckExtensions
{
    /// <summary>Adds the database check (name <c>postgres</c>, tagged ready, 5 s timeout).</summary>
    public static IHealthChecksBuilder AddBranchLedgerPostgres(this IHealthChecksBuilder checks, string connectionString)
    {
        checks.Services.AddSingleton(_ => new PostgresHealthCheck(connectionString));
        return checks.AddCheck<PostgresHealthCheck>(
            "postgres", HealthStatus.Unhealthy, [ProbeEndpoints.ReadyTag], TimeSpan.FromSeconds(5));
    }
}
