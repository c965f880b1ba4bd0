using BranchLedger.Api.V1;
using Grpc.Core;
using Microsoft.Net.Http.Headers;

namespace BranchLedger.Gateway.Hosting;

/// <summary>
/// Writes the chunks of a file-streaming RPC as the body of an HTTP download: the first chunk's name
/// and media type become Content-Disposition (with a UTF-8 <c>filename*</c>) and Content-Type.
/// </summary>
internal sealed class FileChunkResponseWriter<TResponse>(HttpResponse response) : IServerStreamWriter<TResponse>
    where TResponse : IFileChunkResponse
{
    public WriteOptions? WriteOptions { get; set; }

    public Task WriteAsync(TResponse message) => WriteAsync(message, CancellationToken.None);

    public async Task WriteAsync(TResponse message, CancellationToken cancellationToken)
    {
        var chunk = message.Chunk;
        if (!response.HasStarted)
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = chunk.ContentType;
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(chunk.FileName);
            response.Headers.ContentDisposition = disposition.ToString();
            response.Headers.CacheControl = "no-store";
        }

        await response.Body.WriteAsync(chunk.Data.Memory, cancellationToken);
    }
}
