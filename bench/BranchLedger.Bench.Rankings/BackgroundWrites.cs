using BranchLedger.Contracts;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Domain.Ledger;

namespace BranchLedger.Bench.Rankings;

/// <summary>
/// Other branches recording while freshness is sampled: one writer appends a 党小组会 dated today to a
/// random branch of its own pool, pausing <c>interval</c> between writes. Each write pushes its
/// scores, so the ingress' timer keeps running and a sampled push meets it at a random phase.
/// </summary>
internal sealed class BackgroundWrites(IGrainFactory grains, IReadOnlyList<BranchPlan> pool, DateOnly today)
{
    private int _writes;

    public int Writes => Volatile.Read(ref _writes);

    public async Task RunAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        var random = new Random(4242);
        while (!cancellationToken.IsCancellationRequested)
        {
            var branch = pool[random.Next(pool.Count)];
            var n = Interlocked.Increment(ref _writes);
            await grains.GetGrain<ILedgerGrain>(GrainKeys.Ledger(branch.Tenant, branch.Node)).Append(new AppendCommand
            {
                RequestId = $"background-{n:D6}",
                RecordedBy = "secretary",
                Body = new MeetingDetails
                {
                    Kind = MeetingKind.SmallGroupMeeting,
                    Date = today,
                    Topic = "党小组会：交流学习体会",
                    Attendees = Math.Min(3, branch.Roster.Members),
                    ExpectedAttendees = Math.Min(3, branch.Roster.Members),
                },
            });
            try
            {
                await Task.Delay(interval, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
