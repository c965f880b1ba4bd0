using BranchLedger.Api.V1;
using Google.Protobuf;
using Grpc.Core;

namespace BranchLedger.Gateway.Services;

/// <summary>
/// Writes a generated file to a temporary file (OpenXml packages need a seekable stream; a temporary
/// file keeps a large export out of memory), then streams it to the caller in 64 KiB chunks.
/// </summary>
internal static class FileStreaming
{
    public const string Markdown = "text/markdown; charset=utf-8";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Csv = "text/csv; charset=utf-8";

    private const int ChunkSize = 64 * 1024;

    public static async Task SendAsync<TResponse>(
        string fileName, string contentType, Action<Stream> write, IServerStreamWriter<TResponse> response, CancellationToken cancellationToken)
        where TResponse : IFileChunkResponse, new()
    {
        var path = Path.GetTempFileName();
        await using var file = new FileStream(
            path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, ChunkSize, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        write(file);
        file.Position = 0;

        var buffer = new byte[ChunkSize];
        var first = true;
        int read;
        while ((read = await file.ReadAsync(buffer, cancellationToken)) > 0 || first)
        {
            var chunk = new FileChunk { Data = ByteString.CopyFrom(buffer, 0, read) };
            if (first)
            {
                chunk.FileName = fileName;
                chunk.ContentType = contentType;
                first = false;
            }

            await response.WriteAsync(new TResponse { Chunk = chunk }, cancellationToken);
        }
    }
}
