using System.Collections.Concurrent;
using BranchLedger.Contracts.Scoring;
using BranchLedger.Domain.Scoring;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Grains.Scoring;

/// <summary>
/// Parsed rubrics shared by every ledger of the silo: a published version never changes and a parsed
/// rubric is immutable, so one parse serves every ledger instead of one copy each (≈ 3 KB a ledger).
/// </summary>
internal static class ParsedRubrics
{
    // A serving rubric, the next one during a rescoring, and older versions asked for by score reads.
    private const int Capacity = 16;

    private static readonly ConcurrentDictionary<int, (PublishedRubric Published, Rubric Rubric)> Cache = new();

    /// <summary>The parsed form of <paramref name="published"/>; throws when it does not parse.</summary>
    public static Rubric Of(PublishedRubric published)
    {
        if (Cache.TryGetValue(published.Version, out var cached) && SameText(cached.Published, published))
        {
            return cached.Rubric;
        }

        var rubric = RubricJson.Read(published.Json, new Violations())
            ?? throw new InvalidOperationException($"Published rubric {published.VersionKey} does not parse.");
        if (Cache.Count >= Capacity)
        {
            Cache.Clear();
        }

        Cache[published.Version] = (published, rubric);
        return rubric;
    }

    // Versions are numbered per platform, and several platforms (test clusters) may share a process:
    // a version number alone does not say which rubric it is.
    private static bool SameText(PublishedRubric cached, PublishedRubric published) =>
        cached.RubricId == published.RubricId && string.Equals(cached.Json, published.Json, StringComparison.Ordinal);
}
