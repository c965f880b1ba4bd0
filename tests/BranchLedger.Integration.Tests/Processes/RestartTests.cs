using BranchLedger.Api.V1;
using BranchLedger.Integration.Tests.Infrastructure;
using Grpc.Core;

namespace BranchLedger.Integration.Tests.Processes;

/// <summary>The real silo and gateway processes, stopped and started again on the same database.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task Records_written_through_the_processes_survive_restarting_both()
    {
        var db = await TestPostgres.CreateDatabaseAsync("restart");
        var requests = Enumerable.Range(1, 3).Select(i => Meetings.Request("office-branch", $"restart-{i}", day: i)).ToList();

        await using (var platform = new LocalPlatform(db))
        {
            await platform.StartAsync();
            await WithRetryAsync(async () =>
            {
                await Nodes.EnsureAsync(platform.Directory(), "tenant-proc", "office-branch", members: 30);
                return true;
            });
            var ledger = platform.Ledger();
            foreach (var request in requests)
            {
                var response = await WithRetryAsync(() => ledger.RecordMeetingAsync(request, GatewayHost.As("tenant-proc")).ResponseAsync);
                Assert.False(response.Replayed);
            }

            await platform.StopAsync();
            Assert.False(platform.Silo!.IsRunning);
            Assert.Contains("Application is shutting down", platform.Silo.Output, StringComparison.Ordinal);
        }

        await using (var platform = new LocalPlatform(db))
        {
            await platform.StartAsync();
            var ledger = platform.Ledger();
            var list = await WithRetryAsync(() => ledger.ListRecordsAsync(
                new ListRecordsRequest { NodeId = "office-branch" }, GatewayHost.As("tenant-proc")).ResponseAsync);

            Assert.Equal(requests.Select(r => r.RequestId), list.Records.Select(r => r.RequestId));
            Assert.Equal(requests.Select(r => r.Meeting), list.Records.Select(r => r.Meeting));

            var retried = await ledger.RecordMeetingAsync(requests[0], GatewayHost.As("tenant-proc"));
            Assert.True(retried.Replayed);
            Assert.Equal("rec-1", retried.Record.RecordId);
        }
    }

    // Right after start the gateway may not have found the silo yet; Unavailable is the retryable answer.
    private static async Task<T> WithRetryAsync<T>(Func<Task<T>> call)
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
}
