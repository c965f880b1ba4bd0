using System.Text;
using BranchLedger.Api.V1;
using BranchLedger.Gateway.Errors;
using BranchLedger.Gateway.Security;
using BranchLedger.Gateway.Services;
using BranchLedger.Domain.Ledger.Catalogue;
using BranchLedger.Domain.Validation;
using BranchLedger.RecordFiles;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;

namespace BranchLedger.Gateway.Hosting;

/// <summary>
/// Plain HTTP uploads for browsers: a records file (CSV or Excel, the format of cli/examples/README.md,
/// read by the same <see cref="RecordRows"/> as the CLI) imported into one node's ledger through
/// ImportRecords, run in process (<see cref="InProcessGrpc"/>) — the same credential, permission, limits,
/// audit and validation as the RPC. Request ids come from the rows, so uploading a file again records
/// nothing twice.
/// </summary>
internal static class UploadHosting
{
    /// <summary>Where the uploads are served (HTTP/1.1 port).</summary>
    public const string Route = "/v1/uploads";

    /// <summary>The largest file taken (1 MiB: well over a year of a branch's records).</summary>
    public const int MaxFileBytes = 1 << 20;

    public const string CsvType = "text/csv";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly string ImportRecordsMethod = InProcessGrpc.MethodName(LedgerService.Descriptor, nameof(LedgerService.LedgerServiceBase.ImportRecords));

    public static WebApplication MapBranchLedgerUploads(this WebApplication app)
    {
        // The body is the file itself (Content-Type text/csv or the .xlsx type): one request, no multipart parsing.
        app.MapPost(Route + "/nodes/{nodeId}/records:import", ImportAsync)
            .RequireAuthorization(Policies.OfHandler<LedgerApi>(nameof(LedgerApi.ImportRecords)));
        return app;
    }

    private static async Task<IResult> ImportAsync(HttpContext http, string nodeId)
    {
        var type = http.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (type is not (CsvType or "application/csv" or XlsxType))
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, $"Send the file as {CsvType} or {XlsxType}.");
        }

        if (http.Request.ContentLength > MaxFileBytes)
        {
            return TooLarge();
        }

        var bytes = await ReadAtMostAsync(http.Request.Body, MaxFileBytes + 1, http.RequestAborted);
        if (bytes.Length > MaxFileBytes)
        {
            return TooLarge();
        }

        IReadOnlyList<RecordItem> items;
        try
        {
            var table = type == XlsxType
                ? TableReader.ReadXlsx(new MemoryStream(bytes, writable: false), "file")
                : TableReader.ReadCsv(new StreamReader(new MemoryStream(bytes, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true), "file");
            items = RecordRows.FromTable(table, intoNode: nodeId);
        }
        catch (RecordFileException unreadable)
        {
            return Invalid("file", unreadable.Message);
        }

        if (items.Count > LedgerApi.MaxImportRows)
        {
            return Invalid("file", $"must hold at most {LedgerApi.MaxImportRows} rows (got {items.Count}); split it, or import it with the CLI");
        }

        // One ImportRecords call with every row the file could express; rows it could not are answered here.
        var sendable = items.Select((item, index) => (Item: item, Index: index)).Where(x => x.Item.Problems.Count == 0).ToList();
        var request = new ImportRecordsRequest { NodeId = nodeId };
        request.Rows.AddRange(sendable.Select(x => x.Item.Row));
        ImportRecordsResponse response;
        try
        {
            response = await InProcessGrpc.UnaryAsync<LedgerApi, ImportRecordsRequest, ImportRecordsResponse>(http, ImportRecordsMethod, request,
                service => sendable.Count > 0 ? service.ImportRecords : (_, _) => Task.FromResult(new ImportRecordsResponse()));
        }
        catch (RpcException refused)
        {
            return HttpProblems.From(refused);
        }

        // Results name rows by their index in the request: map them back to the file's rows.
        var answered = response.Results.ToDictionary(r => sendable[r.Index].Index);
        var rows = items.Select((item, index) => answered.TryGetValue(index, out var result)
            ? new UploadRow(item.Line, OutcomeName(result.Outcome), result.RecordId, [.. result.Violations.Select(v => UploadViolation.Of(v.Field, v.Description))])
            : new UploadRow(item.Line, OutcomeName(ImportOutcome.Rejected), "", [.. item.Problems.Select(v => UploadViolation.Of(v.Field, v.Description))])).ToList();
        return Results.Json(new UploadResult(rows, rows.Count(r => r.Outcome == OutcomeName(ImportOutcome.Accepted)),
            rows.Count(r => r.Outcome == OutcomeName(ImportOutcome.Duplicate)), rows.Count(r => r.Outcome == OutcomeName(ImportOutcome.Rejected))));
    }

    // As proto JSON names them ("IMPORT_OUTCOME_ACCEPTED"), like the JSON route of ImportRecords.
    private static string OutcomeName(ImportOutcome outcome) => outcome switch
    {
        ImportOutcome.Accepted => "IMPORT_OUTCOME_ACCEPTED",
        ImportOutcome.Duplicate => "IMPORT_OUTCOME_DUPLICATE",
        _ => "IMPORT_OUTCOME_REJECTED",
    };

    private static async Task<byte[]> ReadAtMostAsync(Stream body, int limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < limit && (read = await body.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)), ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static IResult TooLarge() =>
        Problem(StatusCodes.Status413PayloadTooLarge, $"The file is larger than {MaxFileBytes / 1024} KiB; split it, or import it with the CLI.");

    private static IResult Problem(int status, string detail) =>
        Results.Problem(new ProblemDetails { Status = status, Detail = detail, Extensions = { ["code"] = status == StatusCodes.Status413PayloadTooLarge ? nameof(StatusCode.ResourceExhausted) : nameof(StatusCode.InvalidArgument) } });

    private static IResult Invalid(string field, string description)
    {
        var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [description] })
        {
            Status = StatusCodes.Status400BadRequest,
            Detail = "The file cannot be imported.",
            Extensions = { ["code"] = nameof(StatusCode.InvalidArgument) },
        };
        return Results.Problem(problem);
    }

    /// <summary>One row of the file: its line (sheet row), what became of it, its record, why it was refused.</summary>
    internal sealed record UploadRow(int Line, string Outcome, string RecordId, IReadOnlyList<UploadViolation> Violations);

    /// <summary>
    /// Why a row was refused: the field and description for programs, and for the person at the page the
    /// field's Chinese column name (labels.zh.json) and the description in Chinese (<see cref="ChineseDescriptions"/>).
    /// </summary>
    internal sealed record UploadViolation(string Field, string Description, string Label, string Message)
    {
        public static UploadViolation Of(string field, string description)
        {
            var parts = field.Split('.');
            var column = parts[^1].Split('[')[0];
            // A kind's own label first (a catalogue entry's 标题 is not another kind's), then the shared one.
            var label = column == "type" ? "记录类型"
                : (parts.Length > 1 ? RecordLabels.Zh.Column(parts[^2], column) : RecordLabels.Zh.Columns.GetValueOrDefault(column))
                    ?? RecordLabels.Zh.Sheets.GetValueOrDefault(column) ?? "该行";
            return new UploadViolation(field, description, label, ChineseDescriptions.Of(description));
        }
    }

    internal sealed record UploadResult(IReadOnlyList<UploadRow> Rows, int Accepted, int Duplicates, int Rejected);
}
