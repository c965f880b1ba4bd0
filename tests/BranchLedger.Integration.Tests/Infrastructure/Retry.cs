using Grpc.Core;

namespace BranchLedger.Integration.Tests.Infrastructure;

/// <summary>Calls through a gateway process that may not have found a silo yet.</summary>
public static class Retry
{
    /// <summary>Retries while the answer is UNAVAILABLE (the retryable answer), up to about 15 s.</summary>
    public static async Task<T> WhileUnavailableAsync<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Unavailable && attempt < 30)
            {
                await Task.Delay(500);
            }
        }
    }

    /// <inheritdoc cref="WhileUnavailableAsync{T}(Func{Task{T}})"/>
    public static Task WhileUnavailableAsync(Func<Task> call) => WhileUnavailableAsync(async () =>
    {
        await call();
        return true;
    });
}
