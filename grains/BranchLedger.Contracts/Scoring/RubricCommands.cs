namespace BranchLedger.Contracts.Scoring;

/// <summary>Publish a rubric given as the documented JSON; the platform gives it the next version number.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.PublishRubricCommand")]
public sealed record PublishRubricCommand(
    [property: Id(0)] string Json,
    [property: Id(1)] string RequestId,
    [property: Id(2)] string PublishedBy);

/// <summary>What publishing did.</summary>
/// <param name="Rubric">The version published (or published earlier under the same request id).</param>
/// <param name="Replayed">True when the request id had been seen.</param>
[GenerateSerializer, Immutable, Alias("branchledger.PublishRubricResult")]
public sealed record PublishRubricResult([property: Id(0)] PublishedRubric Rubric, [property: Id(1)] bool Replayed);

/// <summary>The rubrics ledgers score with: the serving one and, while a rescoring runs, the next one.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.ScoringRubrics")]
public sealed record ScoringRubrics([property: Id(0)] PublishedRubric Serving, [property: Id(1)] PublishedRubric? Next);
