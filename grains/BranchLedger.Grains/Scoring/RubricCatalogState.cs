using BranchLedger.Contracts.Scoring;

namespace BranchLedger.Grains.Scoring;

/// <summary>What the rubric grain persists.</summary>
[GenerateSerializer, Alias("branchledger.state.RubricCatalog.v1")]
public sealed class RubricCatalogState
{
    /// <summary>Every published version, oldest first (version n at index n − 1).</summary>
    [Id(0)] public List<PublishedRubric> Versions { get; set; } = [];

    /// <summary>The version reads are served from; 0 before the default is published.</summary>
    [Id(1)] public int Serving { get; set; }

    /// <summary>The latest rescoring.</summary>
    [Id(2)] public RescoringStatus? Rescoring { get; set; }

    /// <summary>Whether the running rescoring clears the rankings first (a rebuild).</summary>
    [Id(3)] public bool ResetRankings { get; set; }
}
