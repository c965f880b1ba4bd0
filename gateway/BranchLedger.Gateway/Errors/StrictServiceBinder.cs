using System.Reflection;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Microsoft.AspNetCore.Routing;
using static BranchLedger.Gateway.Errors.StrictRequestBinding;

namespace BranchLedger.Gateway.Errors;

/// <summary>
/// Receives the methods a generated <c>BindService</c> declares and registers each with the service's
/// overriding method as the handler and a strict request marshaller.
/// </summary>
/// <param name="context">Where grpc-dotnet collects the service's endpoints.</param>
/// <param name="serviceBase">The generated base class whose methods the service overrides.</param>
internal sealed class StrictServiceBinder<TService>(ServiceMethodProviderContext<TService> context, Type serviceBase) : ServiceBinderBase
    where TService : class
{
    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
    {
        var (invoker, metadata) = Handler<Grpc.AspNetCore.Server.Model.UnaryServerMethod<TService, TRequest, TResponse>>(
            method.Name, typeof(TRequest), typeof(ServerCallContext));
        context.AddUnaryMethod(Strict(method), metadata, invoker);
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
    {
        var (invoker, metadata) = Handler<Grpc.AspNetCore.Server.Model.ServerStreamingServerMethod<TService, TRequest, TResponse>>(
            method.Name, typeof(TRequest), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
        context.AddServerStreamingMethod(Strict(method), metadata, invoker);
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler)
    {
        var (invoker, metadata) = Handler<Grpc.AspNetCore.Server.Model.ClientStreamingServerMethod<TService, TRequest, TResponse>>(
            method.Name, typeof(IAsyncStreamReader<TRequest>), typeof(ServerCallContext));
        context.AddClientStreamingMethod(Strict(method), metadata, invoker);
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler)
    {
        var (invoker, metadata) = Handler<Grpc.AspNetCore.Server.Model.DuplexStreamingServerMethod<TService, TRequest, TResponse>>(
            method.Name, typeof(IAsyncStreamReader<TRequest>), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
        context.AddDuplexStreamingMethod(Strict(method), metadata, invoker);
    }

    // The public instance method overriding the generated base's virtual one (a method that merely hides it does not count).
    private (TDelegate Invoker, List<object> Metadata) Handler<TDelegate>(string name, params Type[] parameters)
        where TDelegate : Delegate
    {
        MethodInfo? found = null;
        for (var type = typeof(TService); type is not null && found is null; type = type.BaseType)
        {
            var candidate = type.GetMethod(name, BindingFlags.Public | BindingFlags.Instance, parameters);
            found = candidate is { IsVirtual: true } && candidate.GetBaseDefinition().DeclaringType == serviceBase ? candidate : null;
        }

        if (found is null)
        {
            throw new InvalidOperationException($"No '{name}' overriding {serviceBase.Name} on {typeof(TService).Name}.");
        }

        // Type attributes first, method attributes last (they win); POST only, as grpc-dotnet registers them.
        List<object> metadata = [.. typeof(TService).GetCustomAttributes(inherit: true), .. found.GetCustomAttributes(inherit: true),
            new HttpMethodMetadata(["POST"], acceptCorsPreflight: true)];
        return (found.CreateDelegate<TDelegate>(), metadata);
    }
}
