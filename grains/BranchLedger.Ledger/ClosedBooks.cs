namespace BranchLedger.Ledger;

/// <summary>
/// What sealing closed: nothing may be dated in or before <see cref="Through"/>, nothing sealed may be
/// corrected or reviewed, and a workflow sealed whole takes no more steps. The ledger's storage says
/// which years are sealed and where their records are; the aggregate only judges with it.
/// </summary>
public sealed record ClosedBooks
{
    /// <summary>Nothing closed.</summary>
    public static readonly ClosedBooks None = new();

    /// <summary>The last sealed year (records dated in or before it are refused), or null.</summary>
    public int? Through { get; init; }

    /// <summary>The sealed year holding a sequence no longer in the live records, or null when none holds it.</summary>
    public Func<long, int?> SealedYearOf { get; init; } = _ => null;

    /// <summary>Duty items whose whole workflow is sealed: never moved again, their ids never reused.</summary>
    public IReadOnlySet<string> DutyIds { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Findings whose whole workflow is sealed.</summary>
    public IReadOnlySet<string> FindingIds { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}
