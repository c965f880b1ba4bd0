using BranchLedger.Api.V1;
using BranchLedger.Integration.Tests.Infrastructure;

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
            await Retry.WhileUnavailableAsync(() => Nodes.EnsureAsync(platform.Directory(), "tenant-proc", "office-branch", members: 30));
            var ledger = platform.Ledger();
            foreach (var request in requests)
            {
                var response = await Retry.WhileUnavailableAsync(() => ledger.RecordMeetingAsync(request, GatewayHost.As("tenant-proc")).ResponseAsync);
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
            var list = await Retry.WhileUnavailableAsync(() => ledger.ListRecordsAsync(
                new ListRecordsRequest { NodeId = "office-branch" }, GatewayHost.As("tenant-proc")).ResponseAsync);

            Assert.Equal(requests.Select(r => r.RequestId), list.Records.Select(r => r.RequestId));
            Assert.Equal(requests.Select(r => r.Meeting), list.Records.Select(r => r.Meeting));

            var retried = await ledger.RecordMeetingAsync(requests[0], GatewayHost.As("tenant-proc"));
            Assert.True(retried.Replayed);
            Assert.Equal("rec-1", retried.Record.RecordId);
        }
    }
}
