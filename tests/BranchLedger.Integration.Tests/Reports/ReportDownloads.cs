using BranchLedger.Api.V1;
using Grpc.Core;

namespace BranchLedger.Integration.Tests.Reports;

/// <summary>A streamed file, put back together.</summary>
internal sealed record Download(string FileName, string ContentType, byte[] Bytes, int Chunks)
{
    public static async Task<Download> ReadAsync<TResponse>(AsyncServerStreamingCall<TResponse> call)
        where TResponse : IFileChunkResponse
    {
        using var _ = call;
        using var bytes = new MemoryStream();
        string? name = null, type = null;
        var chunks = 0;
        await foreach (var chunk in call.ResponseStream.ReadAllAsync().Select(m => m.Chunk))
        {
            name ??= chunk.FileName;
            type ??= chunk.ContentType;
            chunk.Data.WriteTo(bytes);
            chunks++;
        }

        return new Download(name ?? "", type ?? "", bytes.ToArray(), chunks);
    }

    public string Text => System.Text.Encoding.UTF8.GetString(Bytes);
}
