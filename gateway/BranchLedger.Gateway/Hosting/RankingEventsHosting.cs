using BranchLedger.Api.V1;
using BranchLedger.Contracts.Errors;
using BranchLedger.Gateway.Errors;
using BranchLedger.Gateway.Security;
using BranchLedger.Gateway.Services;
using Google.Protobuf;
using Grpc.Core;

namespace BranchLedger.Gateway.Hosting;

/// <summary>
/// <c>WatchRanking</c> for browsers, as server-sent events: <c>GET /v1/rankings/{period}/events</c>
/// (query <c>scope</c>, <c>indicatorId</c>, <c>topN</c>) answers <c>text/event-stream</c>, one
/// <c>data:</c> line per view (the RPC's message in its JSON form). Like the downloads, the route
/// requires the RPC's own policy and runs the RPC in process, so validation, the scope's permission,
/// limits and the audit are the RPC's. Pages read the stream with <c>fetch</c> (not EventSource, which
/// cannot send the tenant header), so the strict CSP (<c>connect-src 'self'</c>) is enough.
/// </summary>
internal static class RankingEventsHosting
{
    private static readonly string WatchMethod = InProcessGrpc.MethodName(RankingService.Descriptor, nameof(RankingService.RankingServiceBase.WatchRanking));

    public static WebApplication MapBranchLedgerRankingEvents(this WebApplication app)
    {
        app.MapGet("/v1/rankings/{period}/events", async (HttpContext http, string period) =>
        {
            var query = new DownloadHosting.Query(http.Request.Query);
            var topN = query.Text("topN");
            var request = new WatchRankingRequest
            {
                Period = period,
                Scope = query.Enum("scope", RankingScope.City),
                IndicatorId = query.Text("indicatorId"),
                TopN = topN.Length == 0 ? 0 : query.Number("topN", topN),
            };
            try
            {
                await InProcessGrpc.ServerStreamingAsync<RankingApi, WatchRankingRequest, WatchRankingResponse>(
                    http, WatchMethod, request, new EventWriter(http.Response),
                    service => query.Errors.Count == 0 ? service.WatchRanking : (_, _, _) => Task.FromException(new InvalidCommandException(query.Errors)));
                return Results.Empty;
            }
            catch (RpcException refused) when (!http.Response.HasStarted)
            {
                return HttpProblems.From(refused);
            }
        }).RequireAuthorization(Policies.OfHandler<RankingApi>(nameof(RankingApi.WatchRanking)));
        return app;
    }

    /// <summary>Each view as one server-sent event, flushed at once.</summary>
    private sealed class EventWriter(HttpResponse response) : IServerStreamWriter<WatchRankingResponse>
    {
        private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(false));

        public WriteOptions? WriteOptions { get; set; }

        public Task WriteAsync(WatchRankingResponse message) => WriteAsync(message, CancellationToken.None);

        public async Task WriteAsync(WatchRankingResponse message, CancellationToken cancellationToken)
        {
            if (!response.HasStarted)
            {
                response.StatusCode = StatusCodes.Status200OK;
                response.ContentType = "text/event-stream; charset=utf-8";
                response.Headers.CacheControl = "no-store";
                // Reverse proxies must not hold events back to fill a buffer.
                response.Headers["X-Accel-Buffering"] = "no";
            }

            await response.WriteAsync($"data: {Json.Format(message)}\n\n", cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
        }
    }
}
