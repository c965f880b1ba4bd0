using System.Globalization;

namespace BranchLedger.Bench.City;

/// <summary>
/// What to run. Default: the city (50 tenants × 200 branches, a year of records) and the
/// 1k / 10k points of the scale curve; <c>--full</c> adds the 100k point; <c>--smoke</c> is a tiny
/// city for CI that checks every measurement works, never how fast.
/// </summary>
internal sealed record CityOptions(
    string Mode, int Tenants, int BranchesPerTenant, int[] ScalePoints, int SparseFromMonth,
    double Seconds, int FreshnessSamples, int[] ReadConcurrency, int WriteConcurrency, string OutDir, bool KeepPostgres)
{
    public const string PostgresFolder = "bench-city-postgres";
    public const int PostgresPort = 55436;

    public const string Usage = """
        usage: dotnet run -c Release --project bench/BranchLedger.Bench.City -- [--smoke|--full] [options]
          --smoke                 2 tenants × 10 branches, scale points 10/20/40, 2 s per level (CI; ~1 minute)
          --full                  the default city plus the 100k-branch point of the scale curve
          --tenants N             tenants of the city (default 50)
          --branches-per-tenant N branches of each tenant (default 200)
          --seconds S             seconds per measured level (default 10)
          --samples K             freshness samples (default 200)
          --out DIR               where city.json / city.md go (default .run/bench)
          --keep-postgres         leave the bench PostgreSQL running
        """;

    public int Branches => Tenants * BranchesPerTenant;

    public string Name => Mode == "default" ? "city" : $"city-{Mode}";

    public static CityOptions? Parse(string[] args)
    {
        var root = LocalPostgres.RepoRoot.Path;
        var o = new CityOptions("default", 50, 200, [1_000, 10_000], 12, 10, 200, [1, 4, 16], 16, Path.Combine(root, ".run", "bench"), false);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Int() => int.Parse(Next(), CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--smoke":
                    o = o with { Mode = "smoke", Tenants = 2, BranchesPerTenant = 10, ScalePoints = [10, 20, 40], Seconds = 2, FreshnessSamples = 10, ReadConcurrency = [1, 4], WriteConcurrency = 4 };
                    break;
                case "--full":
                    o = o with { Mode = "full", ScalePoints = [1_000, 10_000, 100_000] };
                    break;
                case "--tenants": o = o with { Tenants = Int() }; break;
                case "--branches-per-tenant": o = o with { BranchesPerTenant = Int() }; break;
                case "--seconds": o = o with { Seconds = double.Parse(Next(), CultureInfo.InvariantCulture) }; break;
                case "--samples": o = o with { FreshnessSamples = Int() }; break;
                case "--out": o = o with { OutDir = Path.GetFullPath(Next()) }; break;
                case "--keep-postgres": o = o with { KeepPostgres = true }; break;
                default: return null;
            }
        }

        // The city is the scale point equal to its size; points beyond it extend it with sparse tenants.
        var points = o.ScalePoints.Where(p => p % o.BranchesPerTenant == 0).Append(o.Branches).Distinct().Order().ToArray();
        return o.BranchesPerTenant >= 2 && o.Tenants >= 1 ? o with { ScalePoints = points } : null;
    }
}
