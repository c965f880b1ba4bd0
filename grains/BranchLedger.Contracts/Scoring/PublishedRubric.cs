namespace BranchLedger.Contracts.Scoring;

/// <summary>One published rubric version, as the documented JSON and who published it when.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.PublishedRubric")]
public sealed record PublishedRubric
{
    /// <summary>The rubric's id (a slug).</summary>
    [Id(0)] public required string RubricId { get; init; }

    /// <summary>1, 2, … across every rubric id: the platform numbers versions in publishing order.</summary>
    [Id(1)] public required int Version { get; init; }

    /// <summary>Display name.</summary>
    [Id(2)] public required string Name { get; init; }

    /// <summary>The rubric in the documented JSON format, with <see cref="Version"/> in it.</summary>
    [Id(3)] public required string Json { get; init; }

    /// <summary>When it was published.</summary>
    [Id(4)] public required DateTimeOffset PublishedAt { get; init; }

    /// <summary>Who published it.</summary>
    [Id(5)] public required string PublishedBy { get; init; }

    /// <summary>The request id that published it.</summary>
    [Id(6)] public required string RequestId { get; init; }

    /// <summary>How rankings and scores name this version: <c>{rubric}@{version}</c>.</summary>
    public string VersionKey => $"{RubricId}@{Version}";
}
