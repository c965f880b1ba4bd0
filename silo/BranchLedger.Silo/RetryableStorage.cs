using System.Data.Common;
using System.Net.Sockets;
using BranchLedger.Contracts.Errors;
using Orleans.Storage;

namespace BranchLedger.Silo;

/// <summary>
/// Grain storage whose failures to reach the database surface as <see cref="StorageUnavailableException"/>.
/// </summary>
/// <remarks>
/// A grain whose state cannot be read fails to activate, and Orleans sends the storage exception back
/// to the caller. Npgsql's exceptions cannot be serialised, so the caller got a codec error instead —
/// an INTERNAL status for what is an outage. A contract exception travels, and the gateway answers
/// UNAVAILABLE: retry with the same request id. ETag conflicts pass through unchanged.
/// </remarks>
internal sealed class RetryableStorage(IGrainStorage inner, string name) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>Wraps the grain storage registered under <paramref name="name"/>; call after adding it.</summary>
    public static void Wrap(IServiceCollection services, string name)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IGrainStorage) && Equals(d.ServiceKey, name) && d.KeyedImplementationFactory is not null);
        services.Remove(registered);
        services.AddKeyedSingleton<IGrainStorage>(name, (provider, key) =>
            new RetryableStorage((IGrainStorage)registered.KeyedImplementationFactory!(provider, key), name));
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        GuardAsync(() => inner.ReadStateAsync(stateName, grainId, grainState), "read", grainId);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        GuardAsync(() => inner.WriteStateAsync(stateName, grainId, grainState), "write", grainId);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        GuardAsync(() => inner.ClearStateAsync(stateName, grainId, grainState), "clear", grainId);

    // The ADO.NET provider initialises itself in the silo lifecycle.
    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);

    private async Task GuardAsync(Func<Task> operation, string verb, GrainId grainId)
    {
        try
        {
            await operation();
        }
        catch (Exception ex) when (Unreachable(ex))
        {
            throw new StorageUnavailableException(
                $"The database is unavailable: storage '{name}' could not {verb} the state of {grainId}. Retry with the same request id. ({ex.GetType().Name}: {ex.Message})");
        }
    }

    private static bool Unreachable(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is DbException or SocketException or TimeoutException or IOException)
            {
                return true;
            }
        }

        return false;
    }
}
