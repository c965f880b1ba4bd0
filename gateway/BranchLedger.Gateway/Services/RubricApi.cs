using BranchLedger.Api.V1;
using BranchLedger.Contracts.Errors;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Contracts.Scoring;
using BranchLedger.Domain.Scoring;
using BranchLedger.Domain.Validation;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using BranchLedger.Domain.Access;
using BranchLedger.Gateway.Security;

namespace BranchLedger.Gateway.Services;

/// <summary>RubricService: publish and read the city's rubric versions, rescoring and rebuilding.</summary>
internal sealed class RubricApi(IGrainFactory grains, ICallerResolver callers) : RubricService.RubricServiceBase
{
    private IRubricGrain Rubrics => grains.GetGrain<IRubricGrain>(CityKeys.City);

    [RequiresPermission(Permission.RubricPublish, Mutation = true)]
    public override async Task<PublishRubricResponse> PublishRubric(PublishRubricRequest r, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        var violations = new Violations().RequestId("request_id", r.RequestId);
        RubricJson.Read(r.RubricJson, violations, "rubric_json");

        CommandChecks.ThrowIfInvalid(violations);
        var result = await Rubrics.Publish(new PublishRubricCommand(r.RubricJson, r.RequestId, caller.Subject));
        return new PublishRubricResponse { Rubric = await ToMessage(result.Rubric), Replayed = result.Replayed };
    }

    [RequiresPermission(Permission.None)]
    public override async Task<GetRubricResponse> GetRubric(GetRubricRequest r, ServerCallContext context)
    {
        callers.Resolve(context);
        CommandChecks.ThrowIfInvalid(r.Version < 0 ? new Violations().Add("version", "must be 0 (the serving version) or a published version") : new Violations());
        var rubric = await Rubrics.Get(r.Version)
            ?? throw new NotFoundException("branchledger.v1.RubricVersion", r.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), $"No rubric version {r.Version}.");
        return new GetRubricResponse { Rubric = await ToMessage(rubric), RubricJson = rubric.Json };
    }

    [RequiresPermission(Permission.None)]
    public override async Task<ListRubricVersionsResponse> ListRubricVersions(ListRubricVersionsRequest r, ServerCallContext context)
    {
        callers.Resolve(context);
        var violations = new Violations();
        var pageSize = Paging.PageSize(violations, r.PageSize);
        var after = Paging.After(violations, "rubrics", r.PageToken);
        CommandChecks.ThrowIfInvalid(violations);

        var versions = await Rubrics.List();
        var serving = (await Rubrics.Get(0))?.Version;
        var page = versions.Where(v => v.Version > after).Take(pageSize + 1).ToList();
        var response = new ListRubricVersionsResponse
        {
            NextPageToken = page.Count > pageSize ? PageToken.Encode("rubrics", page[pageSize - 1].Version) : "",
        };
        response.Versions.AddRange(page.Take(pageSize).Select(v => Message(v, v.Version == serving)));
        return response;
    }

    [RequiresPermission(Permission.None)]
    public override async Task<GetRescoringStatusResponse> GetRescoringStatus(GetRescoringStatusRequest r, ServerCallContext context)
    {
        callers.Resolve(context);
        var status = await Rubrics.GetRescoringStatus();
        return new GetRescoringStatusResponse { Status = status is null ? null : Message(status) };
    }

    [RequiresPermission(Permission.RubricPublish, Mutation = true)]
    public override async Task<RebuildRankingsResponse> RebuildRankings(RebuildRankingsRequest r, ServerCallContext context)
    {
        callers.Resolve(context);
        return new RebuildRankingsResponse { Status = Message(await Rubrics.RebuildRankings()) };
    }

    private async Task<RubricVersion> ToMessage(PublishedRubric rubric) =>
        Message(rubric, (await Rubrics.Get(0))?.Version == rubric.Version);

    private static RubricVersion Message(PublishedRubric rubric, bool serving) => new()
    {
        RubricId = rubric.RubricId,
        Version = rubric.Version,
        Name = rubric.Name,
        VersionKey = rubric.VersionKey,
        PublishedAt = Timestamp.FromDateTimeOffset(rubric.PublishedAt),
        PublishedBy = rubric.PublishedBy,
        Serving = serving,
    };

    private static Api.V1.RescoringStatus Message(Contracts.Scoring.RescoringStatus status) => new()
    {
        VersionKey = status.VersionKey,
        State = status.State switch
        {
            Contracts.Scoring.RescoringState.Running => Api.V1.RescoringState.Running,
            Contracts.Scoring.RescoringState.Completed => Api.V1.RescoringState.Completed,
            _ => Api.V1.RescoringState.Unspecified,
        },
        Total = status.Total,
        Done = status.Done,
        Failed = status.Failed,
        StartedAt = Timestamp.FromDateTimeOffset(status.StartedAt),
        FinishedAt = status.FinishedAt is { } finished ? Timestamp.FromDateTimeOffset(finished) : null,
    };
}
