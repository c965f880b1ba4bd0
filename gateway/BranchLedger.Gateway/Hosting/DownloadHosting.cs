using System.Globalization;
using System.Reflection;
using BranchLedger.Api.V1;
using BranchLedger.Contracts.Errors;
using BranchLedger.Gateway.Errors;
using BranchLedger.Gateway.Security;
using BranchLedger.Gateway.Services;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace BranchLedger.Gateway.Hosting;

/// <summary>
/// Plain HTTP GET downloads of the file-streaming RPCs, for browsers (a server stream is not a file to
/// them). Each route requires the RPC's own policy (<see cref="Policies"/>), applied by ASP.NET Core's
/// authorization middleware like on the RPC's endpoints; it then fills the RPC's request from the path
/// and query and runs the RPC in process (<see cref="InProcessGrpc"/>) for what is not authorization:
/// limits, validation, error mapping, and the node-scope check of the typed request, made in the same
/// one place as over gRPC. Refusals are problem documents (<see cref="HttpProblems"/>).
/// </summary>
internal static class DownloadHosting
{
    /// <summary>Where the downloads are served (HTTP/1.1 port).</summary>
    public const string Route = "/v1/downloads";

    private static readonly string ExportRankingsMethod = InProcessGrpc.MethodName(ReportService.Descriptor, nameof(ReportService.ReportServiceBase.ExportRankings));
    private static readonly string ExportLedgerMethod = InProcessGrpc.MethodName(ReportService.Descriptor, nameof(ReportService.ReportServiceBase.ExportLedger));
    private static readonly string AnnualReportMethod = InProcessGrpc.MethodName(ReportService.Descriptor, nameof(ReportService.ReportServiceBase.GenerateAnnualReport));

    public static WebApplication MapBranchLedgerDownloads(this WebApplication app)
    {
        var downloads = app.MapGroup(Route);

        // ExportRankings of one ranking (every page): the query is ListTopBranches' (scope, indicatorId, nameContains).
        downloads.MapGet("/rankings/{period}", (HttpContext http, string period) =>
        {
            var query = new Query(http.Request.Query);
            var request = new ExportRankingsRequest
            {
                Format = query.Enum("format", ExportFormat.Xlsx),
                Ranking = new ListTopBranchesRequest
                {
                    Period = period,
                    Scope = query.Enum("scope", RankingScope.City),
                    IndicatorId = query.Text("indicatorId"),
                    NameContains = query.Text("nameContains"),
                },
            };
            return SendAsync<ExportRankingsRequest, ExportRankingsResponse>(http, ExportRankingsMethod, request, query, s => s.ExportRankings);
        }).RequireAuthorization(PolicyOf<ReportApi>(nameof(ReportApi.ExportRankings)));

        // GenerateAnnualReport of a node (of the acting tenant: x-branchledger-tenant for credentials reaching several).
        downloads.MapGet("/nodes/{nodeId}/annual-report/{year}", (HttpContext http, string nodeId, string year) =>
        {
            var query = new Query(http.Request.Query);
            var request = new GenerateAnnualReportRequest
            {
                NodeId = nodeId,
                Year = query.Number("year", year),
                Format = query.Enum("format", ReportFormat.Docx),
            };
            return SendAsync<GenerateAnnualReportRequest, GenerateAnnualReportResponse>(http, AnnualReportMethod, request, query, s => s.GenerateAnnualReport);
        }).RequireAuthorization(PolicyOf<ReportApi>(nameof(ReportApi.GenerateAnnualReport)));

        // ExportLedger of a node and every node under it, for a period ("2026", "2026-Q1", "2026-03"); family: one record kind.
        downloads.MapGet("/nodes/{nodeId}/ledger/{period}", (HttpContext http, string nodeId, string period) =>
        {
            var query = new Query(http.Request.Query);
            var request = new ExportLedgerRequest
            {
                NodeId = nodeId,
                Period = period,
                Format = query.Enum("format", ExportFormat.Xlsx),
                Family = query.Text("family"),
            };
            return SendAsync<ExportLedgerRequest, ExportLedgerResponse>(http, ExportLedgerMethod, request, query, s => s.ExportLedger);
        }).RequireAuthorization(PolicyOf<ReportApi>(nameof(ReportApi.ExportLedger)));
        return app;
    }

    private static string PolicyOf<TService>(string method) => Policies.OfHandler<TService>(method);

    private static async Task<IResult> SendAsync<TRequest, TResponse>(
        HttpContext http, string method, TRequest request, Query query, Func<ReportApi, ServerStreamingServerMethod<TRequest, TResponse>> rpc)
        where TRequest : class
        where TResponse : class, IFileChunkResponse
    {
        try
        {
            // Parameters the route could not read are refused like the RPC's own: after the credential, as field violations.
            await InProcessGrpc.ServerStreamingAsync<ReportApi, TRequest, TResponse>(http, method, request, new FileChunkResponseWriter<TResponse>(http.Response),
                service => query.Errors.Count == 0 ? rpc(service) : (_, _, _) => Task.FromException(new InvalidCommandException(query.Errors)));
            return Results.Empty;
        }
        catch (RpcException refused) when (!http.Response.HasStarted)
        {
            return HttpProblems.From(refused);
        }
    }

    /// <summary>The query string read into request fields; what cannot be read is collected as field errors.</summary>
    internal sealed class Query(IQueryCollection query)
    {
        public List<FieldError> Errors { get; } = [];

        public string Text(string name) => query[name].ToString();

        public int Number(string field, string text)
        {
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            Errors.Add(new FieldError(field, "must be a whole number"));
            return 0;
        }

        /// <summary>An enum by its proto name ("EXPORT_FORMAT_XLSX") or that name's last part ("xlsx"); <paramref name="absent"/> when not given.</summary>
        public T Enum<T>(string name, T absent)
            where T : struct, Enum
        {
            var text = Text(name);
            if (text.Length == 0)
            {
                return absent;
            }

            var names = typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Select(f => (Name: f.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? f.Name, Value: (T)f.GetValue(null)!))
                .Where(v => !v.Name.EndsWith("_UNSPECIFIED", StringComparison.Ordinal))
                .ToList();
            foreach (var (original, value) in names)
            {
                if (original.Equals(text, StringComparison.OrdinalIgnoreCase) || original.EndsWith("_" + text, StringComparison.OrdinalIgnoreCase))
                {
                    return value;
                }
            }

            Errors.Add(new FieldError(name, "must be one of: " + string.Join(", ", names.Select(v => v.Name))));
            return absent;
        }
    }
}
