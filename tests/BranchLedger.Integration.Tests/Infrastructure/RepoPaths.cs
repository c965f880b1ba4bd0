namespace BranchLedger.Integration.Tests.Infrastructure;

/// <summary>Where the repository and the build outputs are.</summary>
public static class RepoPaths
{
    public static string Root => LocalPostgres.RepoRoot.Path;

    /// <summary>The build configuration these tests were built with (Debug or Release).</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";
}
