using System.Globalization;

namespace BranchLedger.Bench.City;

/// <summary>
/// What to run. Default: the city (50 tenants × 200 branches, a year of records) and the
/// 1k / 10k points of the scale curve; <c>--full</c> adds the 100k point; <c>--smoke</c> is a tiny
/// city for CI that checks every measurement works, never how fast.
/// </summary>
internal sealed record CityOptions(
    string Mode, int Tenants, int BranchesPerTenant, int ExtendBy, int[] ScalePoints, int SparseFromMonth,
    double Seconds, int FreshnessSamples, int BulkImportBranches, int[] ReadConcurrency, int WriteConcurrency, string OutDir, bool KeepPostgres,
    int PostgresPort = CityOptions.DefaultPostgresPort, int LedgerIdleSeconds = 60, int RebuildRuns = 0)
{
    public const string PostgresFolder = "bench-city-postgres";
    public const int DefaultPostgresPort = 55436;

    public const string Usage = """
        usage: dotnet run -c Release --project bench/BranchLedger.Bench.City -- [--smoke|--full] [options]
          --smoke                 2 tenants × 10 branches, scale points 10/20/40 (the last sparse), 2 s per level, ledgers idle 10 s (CI; ~2 minutes)
          --full                  the scale curve goes on to ten times the city (100k branches), sparse tenants past it
          --tenants N             tenants of the city (default 50)
          --branches-per-tenant N branches of each tenant (default 200)
          --seconds S             seconds per measured level (default 10)
          --samples K             freshness samples (default 200)
          --bulk-branches N       branches that bulk-import a second year (default 1,000)
          --out DIR               where city.json / city.md go (default .run/bench)
          --keep-postgres         leave the bench PostgreSQL running
          --pg-port N             port of the bench PostgreSQL (default 55436)
          --ledger-idle-seconds S the silo collects ledgers idle this long (default 60; production: 5 minutes),
                                  so each scale point is measured with its ledgers active and again collected
          --rebuild-only N        load the city, wait until its ledgers are collected, then time N cold rebuilds
                                  against the SQL peer and keep the silo log (nothing else is measured)
        """;

    public int Branches => Tenants * BranchesPerTenant;

    public string Name => Mode == "default" ? "city" : $"city-{Mode}";

    public static CityOptions? Parse(string[] args)
    {
        var root = LocalPostgres.RepoRoot.Path;
        var o = new CityOptions("default", 50, 200, 1, [], 12, 10, 200, 1_000, [1, 4, 16], 16, Path.Combine(root, ".run", "bench"), false);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Int() => int.Parse(Next(), CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--smoke":
                    o = o with { Mode = "smoke", Tenants = 2, BranchesPerTenant = 10, ExtendBy = 2, Seconds = 2, FreshnessSamples = 10, BulkImportBranches = 10, ReadConcurrency = [1, 4], WriteConcurrency = 4, LedgerIdleSeconds = 10 };
                    break;
                case "--full":
                    o = o with { Mode = "full", ExtendBy = 10 };
                    break;
                case "--tenants": o = o with { Tenants = Int() }; break;
                case "--branches-per-tenant": o = o with { BranchesPerTenant = Int() }; break;
                case "--seconds": o = o with { Seconds = double.Parse(Next(), CultureInfo.InvariantCulture) }; break;
                case "--samples": o = o with { FreshnessSamples = Int() }; break;
                case "--bulk-branches": o = o with { BulkImportBranches = Int() }; break;
                case "--out": o = o with { OutDir = Path.GetFullPath(Next()) }; break;
                case "--keep-postgres": o = o with { KeepPostgres = true }; break;
                case "--pg-port": o = o with { PostgresPort = Int() }; break;
                case "--ledger-idle-seconds": o = o with { LedgerIdleSeconds = Int() }; break;
                case "--rebuild-only": o = o with { RebuildRuns = Int() }; break;
                default: return null;
            }
        }

        // Scale points: a tenth of the city (whole tenants), the city, and with --full (smoke: ×2) ten
        // times the city, reached by extending it with sparse tenants. Default: 1k, 10k (100k).
        var tenth = Math.Max(1, o.Tenants / 10) * o.BranchesPerTenant;
        var points = new[] { tenth, o.Branches, o.Branches * o.ExtendBy }.Distinct().Order().ToArray();
        return o.BranchesPerTenant >= 2 && o.Tenants >= 1 ? o with { ScalePoints = points } : null;
    }
}
