namespace BranchLedger.LocalPostgres;

/// <summary>Finds the checkout: the folder holding BranchLedger.slnx above the program or the current folder.</summary>
public static class RepoRoot
{
    private static readonly Lazy<string> Found = new(Find);

    /// <summary>The checkout's root folder.</summary>
    public static string Path => Found.Value;

    private static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "BranchLedger.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("BranchLedger.slnx not found above the program or the current folder.");
    }
}
