using Orleans.Concurrency;

namespace BranchLedger.Contracts.Scoring;

/// <summary>
/// Rescores every open branch of every tenant with one rubric version (key: the version key), reporting
/// progress to the rubric grain. Started one-way; running it again after a crash is harmless, because
/// ledgers push scores idempotently.
/// </summary>
public interface IRescoringGrain : IGrainWithStringKey
{
    /// <summary>Runs the rescoring in the background and returns at once.</summary>
    [OneWay]
    Task Run(PublishedRubric rubric, bool resetRankings);
}
