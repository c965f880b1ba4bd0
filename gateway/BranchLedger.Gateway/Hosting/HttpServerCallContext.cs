using Grpc.Core;

namespace BranchLedger.Gateway.Hosting;

/// <summary>
/// The call context of an RPC run in process for a plain HTTP request (see <see cref="InProcessGrpc"/>):
/// the request's headers become the call's metadata, and the HTTP context is where
/// <c>GetHttpContext()</c> finds it (grpc-dotnet's documented key for custom invokers), so the
/// interceptors read the authenticated user exactly as on a gRPC call.
/// </summary>
internal sealed class HttpServerCallContext : ServerCallContext
{
    private const string HttpContextKey = "__HttpContext";

    private readonly HttpContext _http;

    public HttpServerCallContext(HttpContext http, string method)
    {
        _http = http;
        MethodCore = method;
        UserState[HttpContextKey] = http;
        foreach (var (name, values) in http.Request.Headers)
        {
            var key = name.ToLowerInvariant();
            // Binary metadata and names gRPC does not allow have no meaning for the RPCs; they are left out.
            if (key.EndsWith(Metadata.BinaryHeaderSuffix, StringComparison.Ordinal) || key.StartsWith(':') || !IsMetadataKey(key))
            {
                continue;
            }

            foreach (var value in values)
            {
                RequestHeadersCore.Add(key, value ?? "");
            }
        }
    }

    protected override string MethodCore { get; }

    protected override string HostCore => _http.Request.Host.Value ?? "";

    protected override string PeerCore => $"{_http.Connection.RemoteIpAddress}:{_http.Connection.RemotePort}";

    protected override DateTime DeadlineCore => DateTime.MaxValue;

    protected override Metadata RequestHeadersCore { get; } = [];

    protected override CancellationToken CancellationTokenCore => _http.RequestAborted;

    protected override Metadata ResponseTrailersCore { get; } = [];

    protected override Status StatusCore { get; set; }

    protected override WriteOptions? WriteOptionsCore { get; set; }

    protected override AuthContext AuthContextCore { get; } = new(null, []);

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) =>
        throw new NotSupportedException("An in-process call cannot start child calls.");

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;

    private static bool IsMetadataKey(string key) =>
        key.Length > 0 && key.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.');
}
