namespace BranchLedger.Integration.Tests.Infrastructure;

/// <summary>Where the repository and the build outputs are.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration these tests were built with (Debug or Release).</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BranchLedger.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("BranchLedger.slnx not found above " + AppContext.BaseDirectory);
    }
}
