using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Options;

namespace BranchLedger.Gateway.Hosting;

/// <summary>
/// Runs an RPC of this gateway for a plain HTTP request, in process, through the same interceptors
/// grpc-dotnet puts around it (caller hand-off and node scope, limits, audit, error mapping, in that
/// order). Authorization is not re-run here: the route requires the RPC's policy as endpoint metadata
/// and the middleware has applied it; the chain is kept because the handler needs the caller and the
/// acting tenant the first interceptor hands over, the limits and error mapping apply to downloads as
/// to any call, and the node-scope check of the typed request lives in one place only.
/// </summary>
internal static class InProcessGrpc
{
    public static Task ServerStreamingAsync<TService, TRequest, TResponse>(
        HttpContext http, string method, TRequest request, IServerStreamWriter<TResponse> responses,
        Func<TService, ServerStreamingServerMethod<TRequest, TResponse>> handlerOf)
        where TService : class
        where TRequest : class
        where TResponse : class =>
        RunAsync<TService, ServerStreamingServerMethod<TRequest, TResponse>, bool>(http, handlerOf,
            (interceptor, next) => (r, s, c) => interceptor.ServerStreamingServerHandler(r, s, c, next),
            async call =>
            {
                await call(request, responses, new HttpServerCallContext(http, method));
                return true;
            });

    /// <summary>A unary RPC run the same way (see <see cref="ServerStreamingAsync"/>).</summary>
    public static Task<TResponse> UnaryAsync<TService, TRequest, TResponse>(
        HttpContext http, string method, TRequest request, Func<TService, UnaryServerMethod<TRequest, TResponse>> handlerOf)
        where TService : class
        where TRequest : class
        where TResponse : class =>
        RunAsync<TService, UnaryServerMethod<TRequest, TResponse>, TResponse>(http, handlerOf,
            (interceptor, next) => (r, c) => interceptor.UnaryServerHandler(r, c, next),
            call => call(request, new HttpServerCallContext(http, method)));

    // Wraps the handler in the registered interceptors (the first registered is the outermost, as
    // grpc-dotnet builds the pipeline), runs it, and disposes the interceptors made for this call.
    private static async Task<TResult> RunAsync<TService, THandler, TResult>(
        HttpContext http, Func<TService, THandler> handlerOf, Func<Interceptor, THandler, THandler> wrap, Func<THandler, Task<TResult>> run)
        where TService : class
    {
        var services = http.RequestServices;
        var call = handlerOf(ActivatorUtilities.GetServiceOrCreateInstance<TService>(services));
        var created = new List<object>();
        try
        {
            foreach (var registration in Registrations<TService>(services).Reverse())
            {
                call = wrap(Activate(services, registration, created), call);
            }

            return await run(call);
        }
        finally
        {
            foreach (var disposable in created.OfType<IDisposable>())
            {
                disposable.Dispose();
            }
        }
    }

    /// <summary>The full gRPC name of a method: "/package.Service/Method".</summary>
    public static string MethodName(Google.Protobuf.Reflection.ServiceDescriptor service, string method) =>
        $"/{service.FullName}/{service.FindMethodByName(method)?.Name ?? throw new ArgumentException($"{service.Name} has no method {method}.", nameof(method))}";

    // Global interceptors first, then the service's own, as grpc-dotnet merges them.
    private static IEnumerable<InterceptorRegistration> Registrations<TService>(IServiceProvider services)
        where TService : class =>
        services.GetRequiredService<IOptions<GrpcServiceOptions>>().Value.Interceptors
            .Concat(services.GetService<IOptions<GrpcServiceOptions<TService>>>()?.Value.Interceptors ?? []);

    // As grpc-dotnet activates them: from the container when registered there, otherwise created for this call.
    private static Interceptor Activate(IServiceProvider services, InterceptorRegistration registration, List<object> created)
    {
        if (registration.Arguments.Count == 0 && services.GetService(registration.Type) is Interceptor shared)
        {
            return shared;
        }

        var interceptor = (Interceptor)ActivatorUtilities.CreateInstance(services, registration.Type, [.. registration.Arguments]);
        created.Add(interceptor);
        return interceptor;
    }
}
