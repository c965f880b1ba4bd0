using BranchLedger.Storage;

namespace BranchLedger.Silo;

/// <summary>The <c>migrate</c> command and the optional apply-at-start.</summary>
internal static class Migrations
{
    public static async Task<int> ApplyAndReportAsync(SiloSettings settings)
    {
        using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true));
        await MigrationRunner.ApplyAsync(settings.ConnectionString, loggers.CreateLogger("Migrations"));
        return 0;
    }
}
