using System.Collections.Concurrent;
using System.Diagnostics;
using BranchLedger.Api.V1;
using BranchLedger.Integration.Tests.Infrastructure;
using Grpc.Core;
using Xunit.Abstractions;

namespace BranchLedger.Integration.Tests.Faults;

/// <summary>
/// A client writing meetings to many branches, each with its own request id, and retrying every
/// failed write with the same id until it is acknowledged — what a well-behaved caller does.
/// </summary>
/// <param name="request">Builds the meeting for a branch and request id (default: a 支委会 in March 2026).</param>
public sealed class WriteLoad(
    LedgerService.LedgerServiceClient ledger, string tenant, IReadOnlyList<string> branches, string prefix,
    Func<string, string, int, RecordMeetingRequest>? request = null)
{
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(100);
    private readonly ConcurrentDictionary<string, Ack> _acknowledged = new();
    private readonly ConcurrentDictionary<StatusCode, int> _failures = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new();
    private Task _running = Task.CompletedTask;
    private int _retries;
    private int _replayed;

    public int Acknowledged => _acknowledged.Count;

    public int Retries => _retries;

    /// <summary>Retries answered <c>replayed</c>: the first attempt was stored but its answer was lost.</summary>
    public int Replayed => _replayed;

    /// <summary>The statuses of failed attempts, by code.</summary>
    public IReadOnlyDictionary<StatusCode, int> Failures => _failures;

    /// <summary>A point on the load's clock, to compare with acknowledgements.</summary>
    public TimeSpan Now => _clock.Elapsed;

    /// <summary>Starts <paramref name="workers"/> concurrent callers, writing until <see cref="StopAndVerifyAsync"/>.</summary>
    public void Start(int workers) => _running = Task.WhenAll(Enumerable.Range(0, workers).Select(async worker =>
    {
        for (var n = 0; !_stop.IsCancellationRequested; n++)
        {
            var branch = branches[(worker + n) % branches.Count];
            var id = $"{prefix}-{worker}-{n}";
            await WriteUntilAcknowledgedAsync(request?.Invoke(branch, id, n) ?? Meetings.Request(branch, id, day: 1 + (n % 28)));
        }
    }));

    /// <summary>
    /// Waits until every branch has acknowledged a write sent at or after <paramref name="since"/>; returns
    /// how long after <paramref name="since"/> the first acknowledgement came, and when every branch had one.
    /// </summary>
    public async Task<(TimeSpan First, TimeSpan EveryBranch)> RecoveryAfterAsync(TimeSpan since, string what)
    {
        await WaitUntilAsync(_ => _acknowledged.Values.Where(a => a.SentAt >= since).Select(a => a.Branch).Distinct().Count() == branches.Count,
            TimeSpan.FromSeconds(90), $"every branch to take writes after {what}");
        var everyBranch = Now;
        return (_acknowledged.Values.Where(a => a.AckedAt >= since).Min(a => a.AckedAt) - since, everyBranch - since);
    }

    /// <summary>Waits until <paramref name="condition"/> holds, failing after <paramref name="timeout"/>.</summary>
    public async Task WaitUntilAsync(Func<WriteLoad, bool> condition, TimeSpan timeout, string what)
    {
        var until = Now + timeout;
        while (!condition(this))
        {
            Assert.True(Now < until, $"Timed out after {timeout.TotalSeconds:0} s waiting for {what}.");
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Stops the callers (each finishes the write it has started), reads every branch back through the
    /// gateway, prints the counts and asserts that every acknowledged write is stored exactly once.
    /// </summary>
    public async Task StopAndVerifyAsync(ITestOutputHelper output)
    {
        await _stop.CancelAsync();
        await _running;
        _stop.Dispose();
        var (exactlyOnce, problems) = await ReadBackAsync();
        output.WriteLine($"acknowledged writes: {Acknowledged}; found exactly once: {exactlyOnce}; retries: {Retries} (answered replayed: {Replayed})");
        output.WriteLine("failed attempts by status: " + string.Join(", ", Failures.Select(f => $"{f.Key} {f.Value}")));
        Assert.True(problems.Count == 0, string.Join('\n', problems.Take(30)));
        Assert.Equal(Acknowledged, exactlyOnce);
    }

    // Each acknowledged id exactly once, on its branch, and nothing else of this load.
    private async Task<(int ExactlyOnce, List<string> Problems)> ReadBackAsync()
    {
        var problems = new List<string>();
        var exactlyOnce = 0;
        foreach (var branch in branches)
        {
            var stored = (await LedgerReads.AllAsync(ledger, branch, GatewayHost.As(tenant)))
                .Where(r => r.RequestId.StartsWith(prefix + "-", StringComparison.Ordinal))
                .GroupBy(r => r.RequestId)
                .ToDictionary(g => g.Key, g => g.Count());
            foreach (var (id, count) in stored)
            {
                if (!_acknowledged.TryGetValue(id, out var ack) || ack.Branch != branch)
                {
                    problems.Add($"{branch}: '{id}' stored but never acknowledged for this branch");
                }
                else if (count != 1)
                {
                    problems.Add($"{branch}: '{id}' stored {count} times");
                }
                else
                {
                    exactlyOnce++;
                }
            }

            problems.AddRange(_acknowledged.Where(a => a.Value.Branch == branch && !stored.ContainsKey(a.Key))
                .Select(a => $"{branch}: acknowledged '{a.Key}' is missing"));
        }

        return (exactlyOnce, problems);
    }

    private async Task WriteUntilAcknowledgedAsync(RecordMeetingRequest request)
    {
        var sent = Now;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var response = await ledger.RecordMeetingAsync(request, GatewayHost.As(tenant), DateTime.UtcNow + CallDeadline);
                Assert.Equal(request.RequestId, response.Record.RequestId);
                if (response.Replayed && attempt > 0)
                {
                    Interlocked.Increment(ref _replayed);
                }

                Assert.True(_acknowledged.TryAdd(request.RequestId, new Ack(request.NodeId, sent, Now)), $"'{request.RequestId}' acknowledged twice");
                return;
            }
            catch (RpcException ex)
            {
                _failures.AddOrUpdate(ex.StatusCode, 1, (_, n) => n + 1);
                Interlocked.Increment(ref _retries);
                Assert.True(Now - sent < GiveUpAfter, $"'{request.RequestId}' still failing after {GiveUpAfter}: {ex.Status}");
                await Task.Delay(250);
            }
        }
    }

    private sealed record Ack(string Branch, TimeSpan SentAt, TimeSpan AckedAt);
}
