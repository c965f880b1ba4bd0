namespace BranchLedger.Bench.Rankings;

/// <summary>The command line of the rankings benchmark.</summary>
internal sealed record RankingsOptions(int Branches, int Samples, double ReadSeconds, bool Quick, bool KeepDatabases, bool KeepPostgres)
{
    public const int DefaultBranches = 1_000;
    public const int QuickBranches = 100;
    public const int DefaultSamples = 200;
    public const int QuickSamples = 50;

    /// <summary>Branches per tenant: a city of 20 tenants × 50 branches by default.</summary>
    public const int BranchesPerTenant = 50;

    /// <summary>The rankings bench's own PostgreSQL, never the ledger bench's (55434), so both can run at once.</summary>
    public const int PostgresPort = 55435;

    public const string PostgresFolder = "bench-rankings-postgres"; // under .data/

    public const string Usage = """
        usage: dotnet run -c Release --project bench/BranchLedger.Bench.Rankings -- [options]
          --branches N      branches in the city (default 1000 = 20 tenants x 50; at least 10)
          --samples K       freshness samples, one write at a time (default 200, --quick 50; at most branches)
          --quick           100 branches, 50 samples, 2 s per read level: a smoke run
          --read-seconds S  seconds per read concurrency level (default 5, --quick 2)
          --keep-db         keep the bench database (default: dropped at the end)
          --keep-postgres   leave the bench PostgreSQL running (default: stopped if this run started it)
        """;

    public int Tenants => (Branches + BranchesPerTenant - 1) / BranchesPerTenant;

    public static RankingsOptions? Parse(string[] args)
    {
        int? branches = null, samples = null;
        double? readSeconds = null;
        bool quick = false, keepDb = false, keepPg = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--branches" when i + 1 < args.Length && int.TryParse(args[i + 1], out var b) && b >= 10:
                    branches = b;
                    i++;
                    break;
                case "--samples" when i + 1 < args.Length && int.TryParse(args[i + 1], out var k) && k >= 1:
                    samples = k;
                    i++;
                    break;
                case "--read-seconds" when i + 1 < args.Length
                    && double.TryParse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture, out var s) && s is > 0 and <= 600:
                    readSeconds = s;
                    i++;
                    break;
                case "--quick":
                    quick = true;
                    break;
                case "--keep-db":
                    keepDb = true;
                    break;
                case "--keep-postgres":
                    keepPg = true;
                    break;
                default:
                    return null;
            }
        }

        var n = branches ?? (quick ? QuickBranches : DefaultBranches);
        var sampleCount = Math.Min(samples ?? (quick ? QuickSamples : DefaultSamples), n);
        return new RankingsOptions(n, sampleCount, readSeconds ?? (quick ? 2 : 5), quick, keepDb, keepPg);
    }
}
