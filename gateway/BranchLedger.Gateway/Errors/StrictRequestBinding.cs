using System.Reflection;
using System.Text;
using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

namespace BranchLedger.Gateway.Errors;

/// <summary>
/// Binds every gRPC service as grpc-dotnet's own binder does, with one difference: a request body
/// that is not a valid protobuf message answers INVALID_ARGUMENT. grpc-dotnet parses the body before
/// any interceptor runs and answers UNKNOWN for a parse failure, which reads as a server fault.
/// </summary>
internal static class StrictRequestBinding
{
    /// <summary>Replaces the default service binder. Call after every <c>AddGrpc()</c>: each call adds the default back.</summary>
    public static IServiceCollection AddStrictRequestParsing(this IServiceCollection services)
    {
        var defaults = services.Where(d => d.ServiceType == typeof(IServiceMethodProvider<>)
            && d.ImplementationType is { Namespace: "Grpc.AspNetCore.Server.Model.Internal", Name: "BinderServiceMethodProvider`1" }).ToList();

        // Both binders would register every method twice; fail at start-up rather than on every call.
        if (defaults.Count == 0)
        {
            throw new InvalidOperationException("grpc-dotnet's default service binder was not found; call AddStrictRequestParsing after AddGrpc.");
        }

        defaults.ForEach(d => services.Remove(d));
        services.AddSingleton(typeof(IServiceMethodProvider<>), typeof(StrictServiceMethodProvider<>));
        return services;
    }

    /// <summary>The method with a request marshaller that turns a parse failure into INVALID_ARGUMENT.</summary>
    public static Method<TRequest, TResponse> Strict<TRequest, TResponse>(Method<TRequest, TResponse> method)
        where TRequest : class
        where TResponse : class
    {
        var parse = method.RequestMarshaller.ContextualDeserializer;
        var requestMarshaller = new Marshaller<TRequest>(method.RequestMarshaller.ContextualSerializer, context =>
        {
            try
            {
                return parse(context);
            }
            catch (Exception ex) when (ex is InvalidProtocolBufferException or DecoderFallbackException)
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument,
                    $"The request body is not a valid {typeof(TRequest).Name} message: {ex.Message}"));
            }
        });
        return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, requestMarshaller, method.ResponseMarshaller);
    }
}

/// <summary>Finds the generated <c>BindService</c> of a service and binds it through <see cref="StrictServiceBinder{TService}"/>.</summary>
internal sealed class StrictServiceMethodProvider<TService> : IServiceMethodProvider<TService>
    where TService : class
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        if (typeof(TService).GetCustomAttribute<BindServiceMethodAttribute>(inherit: true) is not { } bind)
        {
            return;
        }

        var method = bind.BindType.GetMethods(BindingFlags.Public | BindingFlags.Static).Single(m =>
            m.Name == bind.BindMethodName && m.GetParameters() is [{ ParameterType: var binder }, _] && binder == typeof(ServiceBinderBase));
        method.Invoke(null, [new StrictServiceBinder<TService>(context, method.GetParameters()[1].ParameterType), null]);
    }
}
