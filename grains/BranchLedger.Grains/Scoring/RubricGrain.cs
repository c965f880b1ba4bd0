using BranchLedger.Contracts.Errors;
using BranchLedger.Contracts.Rankings;
using BranchLedger.Contracts.Scoring;
using BranchLedger.Domain.Scoring;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Grains.Scoring;

/// <summary>
/// The city's rubric versions. Publishing validates the JSON with the domain, numbers the version,
/// stores it and starts the rescoring; the version serves reads only when the rescoring reports done.
/// </summary>
public sealed class RubricGrain(
    [PersistentState(stateName: "rubric-catalog", storageName: StorageNames.Ledger)] IPersistentState<RubricCatalogState> catalog,
    TimeProvider clock) : Grain, IRubricGrain
{
    /// <summary>The request id under which the platform publishes its default rubric.</summary>
    public const string DefaultRequestId = "platform-default-rubric";

    private RubricCatalogState State => catalog.State;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (State.Versions.Count == 0)
        {
            var rubric = DefaultRubric.Load() with { Version = 1 };
            State.Versions.Add(Published(rubric, "platform", DefaultRequestId));
            State.Serving = 1;
            await catalog.WriteStateAsync(cancellationToken);
        }

        // A fresh city ranks under the serving rubric; a serving version the ranking catalog already
        // holds is a decision made earlier (a completed rescoring) and is never overwritten here.
        // Registering on every activation also finishes a first activation cut short after its write.
        await GrainFactory.GetGrain<IRankingCatalogGrain>(RankingKeys.Catalog).Register(VersionAt(State.Serving)!.VersionKey);

        // A rescoring cut short by a crash runs again; ledgers push idempotently.
        if (State.Rescoring is { State: RescoringState.Running } running && VersionOf(running.VersionKey) is { } version)
        {
            await StartWorker(version, State.ResetRankings);
        }
    }

    /// <inheritdoc />
    public async Task<PublishRubricResult> Publish(PublishRubricCommand command)
    {
        var violations = new Violations().RequestId("request_id", command.RequestId);
        var rubric = RubricJson.Read(command.Json, violations, "rubric_json"); // checked with RubricRules too

        Contracts.Ledger.CommandChecks.ThrowIfInvalid(violations);
        if (State.Versions.Find(v => v.RequestId == command.RequestId) is { } earlier)
        {
            return RubricJson.Write(rubric! with { Version = earlier.Version }) == earlier.Json
                ? new PublishRubricResult(earlier, true)
                : throw new RequestIdConflictException(command.RequestId);
        }

        if (State.Rescoring is { State: RescoringState.Running } running)
        {
            throw new PreconditionFailedException("RESCORING_RUNNING", "rubric_json", $"Rescoring with {running.VersionKey} is still running ({running.Done} of {running.Total}); publish again when it has completed.");
        }

        var published = Published(rubric! with { Version = State.Versions.Count + 1 }, command.PublishedBy, command.RequestId);
        State.Versions.Add(published);
        State.Rescoring = new RescoringStatus(published.VersionKey, RescoringState.Running, 0, 0, 0, clock.GetUtcNow(), null);
        State.ResetRankings = false;
        await WriteOrUndo(() => State.Versions.RemoveAt(State.Versions.Count - 1));
        await StartWorker(published, false);
        return new PublishRubricResult(published, false);
    }

    /// <inheritdoc />
    public Task<PublishedRubric?> Get(int version) =>
        Task.FromResult(VersionAt(version == 0 ? State.Serving : version));

    /// <inheritdoc />
    public Task<IReadOnlyList<PublishedRubric>> List() => Task.FromResult<IReadOnlyList<PublishedRubric>>([.. State.Versions]);

    /// <inheritdoc />
    public Task<ScoringRubrics> GetScoringRubrics()
    {
        var next = State.Rescoring is { State: RescoringState.Running } running && VersionOf(running.VersionKey) is { } v && v.Version != State.Serving
            ? v
            : null;
        return Task.FromResult(new ScoringRubrics(VersionAt(State.Serving)!, next));
    }

    /// <inheritdoc />
    public Task<RescoringStatus?> GetRescoringStatus() => Task.FromResult(State.Rescoring);

    /// <inheritdoc />
    public async Task<RescoringStatus> RebuildRankings()
    {
        if (State.Rescoring is { State: RescoringState.Running } running)
        {
            throw new PreconditionFailedException("RESCORING_RUNNING", "rubric", $"Rescoring with {running.VersionKey} is still running; rebuild when it has completed.");
        }

        var serving = VersionAt(State.Serving)!;
        var before = (State.Rescoring, State.ResetRankings);
        State.Rescoring = new RescoringStatus(serving.VersionKey, RescoringState.Running, 0, 0, 0, clock.GetUtcNow(), null);
        State.ResetRankings = true;
        await WriteOrUndo(() => (State.Rescoring, State.ResetRankings) = before);
        await StartWorker(serving, true);
        return State.Rescoring;
    }

    /// <inheritdoc />
    public async Task Progress(RescoringStatus status)
    {
        if (State.Rescoring?.VersionKey != status.VersionKey || State.Rescoring.State == RescoringState.Completed)
        {
            return;
        }

        State.Rescoring = status;
        if (status.State != RescoringState.Completed)
        {
            return; // progress lives in memory; only the outcome needs to be durable
        }

        State.Serving = VersionOf(status.VersionKey)!.Version;
        State.ResetRankings = false;
        await GrainFactory.GetGrain<IRankingCatalogGrain>(RankingKeys.Catalog).SetServingVersion(status.VersionKey);
        await catalog.WriteStateAsync();
    }

    private Task StartWorker(PublishedRubric rubric, bool reset) =>
        GrainFactory.GetGrain<IRescoringGrain>(rubric.VersionKey).Run(rubric, reset);

    private async Task WriteOrUndo(Action undo)
    {
        try
        {
            await catalog.WriteStateAsync();
        }
        catch (Exception ex)
        {
            undo();
            throw new StorageUnavailableException($"The rubric catalog could not be saved; nothing changed. Retry with the same request id. ({ex.GetType().Name})");
        }
    }

    private PublishedRubric Published(Rubric rubric, string by, string requestId) => new()
    {
        RubricId = rubric.Id,
        Version = rubric.Version,
        Name = rubric.Name,
        Json = RubricJson.Write(rubric),
        PublishedAt = clock.GetUtcNow(),
        PublishedBy = by,
        RequestId = requestId,
    };

    private PublishedRubric? VersionAt(int version) => version >= 1 && version <= State.Versions.Count ? State.Versions[version - 1] : null;

    private PublishedRubric? VersionOf(string versionKey) => State.Versions.Find(v => v.VersionKey == versionKey);
}
