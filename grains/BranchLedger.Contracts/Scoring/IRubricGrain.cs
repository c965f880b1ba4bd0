using Orleans.Concurrency;

namespace BranchLedger.Contracts.Scoring;

/// <summary>
/// The city's assessment rubric, every published version (key <see cref="CityKeys.City"/>). Publishing
/// starts rescoring every branch in the background; the new version serves reads once that completes.
/// On first use it publishes the platform's default rubric as version 1.
/// </summary>
public interface IRubricGrain : IGrainWithStringKey
{
    /// <summary>Validates and publishes a rubric; idempotent on the request id.</summary>
    Task<PublishRubricResult> Publish(PublishRubricCommand command);

    /// <summary>One version, or the serving one when <paramref name="version"/> is 0; null when unknown.</summary>
    [ReadOnly]
    Task<PublishedRubric?> Get(int version);

    /// <summary>Every version, oldest first.</summary>
    [ReadOnly]
    Task<IReadOnlyList<PublishedRubric>> List();

    /// <summary>The rubrics ledgers score with now.</summary>
    [ReadOnly, AlwaysInterleave]
    Task<ScoringRubrics> GetScoringRubrics();

    /// <summary>The latest rescoring (of the version being built, or the one that completed last).</summary>
    [ReadOnly]
    Task<RescoringStatus?> GetRescoringStatus();

    /// <summary>
    /// Rescores every branch with the serving version again, into freshly cleared rankings: the way
    /// rankings are rebuilt when their rows were lost. Refused while another rescoring runs.
    /// </summary>
    Task<RescoringStatus> RebuildRankings();

    /// <summary>Called by the rescoring worker as it progresses and when it completes.</summary>
    [AlwaysInterleave]
    Task Progress(RescoringStatus status);
}
