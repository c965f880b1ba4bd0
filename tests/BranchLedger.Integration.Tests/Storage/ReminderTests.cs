using System.Diagnostics;
using BranchLedger.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using static BranchLedger.Integration.Tests.Storage.StorageTestSupport;

namespace BranchLedger.Integration.Tests.Storage;

/// <summary>Reminders through the ADO.NET reminder table on our schema.</summary>
public sealed class ReminderTests
{
    [Fact]
    public async Task Reminder_fires_and_fires_again_after_the_cluster_restarts()
    {
        var db = await TestPostgres.CreateDatabaseAsync("reminders_fire");
        var serviceId = $"reminders-{Guid.NewGuid():N}";
        var key = $"ticker-{Guid.NewGuid():N}";
        const string Name = "tick";

        var cluster = await StartClusterAsync(db, serviceId: serviceId);
        try
        {
            await cluster.Client.GetGrain<IReminderTestGrain>(key).Register(Name, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
            await WaitForTicksAsync(key, Name, atLeast: 1, TimeSpan.FromSeconds(20));
        }
        finally
        {
            await cluster.DisposeAsync();
        }

        var row = Assert.Single(await QueryAsync(db,
            "SELECT grainid, period, grainhash FROM orleansreminderstable WHERE serviceid = @s", P("s", serviceId)));
        Assert.EndsWith(key, (string)row["grainid"]!, StringComparison.Ordinal);
        Assert.Equal(1000L, row["period"]);

        // A new cluster (new ClusterId, same ServiceId) loads the reminder from the table through the
        // ring-range reads and fires it without the grain registering it again.
        var ticksBeforeRestart = ReminderTestGrain.Ticks(key, Name);
        cluster = await StartClusterAsync(db, serviceId: serviceId);
        try
        {
            await WaitForTicksAsync(key, Name, atLeast: ticksBeforeRestart + 1, TimeSpan.FromSeconds(30));
            await cluster.Client.GetGrain<IReminderTestGrain>(key).Unregister(Name);
        }
        finally
        {
            await cluster.DisposeAsync();
        }

        Assert.Empty(await QueryAsync(db, "SELECT 1 FROM orleansreminderstable WHERE serviceid = @s", P("s", serviceId)));
    }

    [Theory]
    [InlineData(ConnectionFlavor.Default)]
    [InlineData(ConnectionFlavor.TokyoWithoutAsserts)]
    public async Task Upsert_changes_the_ETag_and_a_stale_ETag_cannot_delete(ConnectionFlavor flavor)
    {
        var db = await TestPostgres.CreateDatabaseAsync($"reminders_etag_{flavor}");
        var cluster = await StartClusterAsync(WithFlavor(db, flavor));
        try
        {
            var table = cluster.Silos[0].Services.GetRequiredService<IReminderTable>();
            var grainId = GrainId.Create("reminder-etag", Guid.NewGuid().ToString("N"));
            var start = DateTime.UtcNow.AddHours(1);
            start = new DateTime(start.Ticks - start.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
            var entry = new ReminderEntry { GrainId = grainId, ReminderName = "r", StartAt = start, Period = TimeSpan.FromMinutes(5) };

            var etag1 = await table.UpsertRow(entry);
            var etag2 = await table.UpsertRow(entry);
            Assert.NotEqual(etag1, etag2);

            var read = await table.ReadRow(grainId, "r");
            Assert.NotNull(read);
            Assert.Equal(etag2, read.ETag);
            Assert.Equal(start, read.StartAt);
            Assert.Equal(DateTimeKind.Utc, read.StartAt.Kind);
            Assert.Equal(TimeSpan.FromMinutes(5), read.Period);
            Assert.Single((await table.ReadRows(grainId)).Reminders);

            // A period beyond int.MaxValue milliseconds travels as bigint.
            var longPeriod = new ReminderEntry { GrainId = grainId, ReminderName = "long", StartAt = start, Period = TimeSpan.FromDays(60) };
            await table.UpsertRow(longPeriod);
            Assert.Equal(TimeSpan.FromDays(60), (await table.ReadRow(grainId, "long"))!.Period);

            Assert.False(await table.RemoveRow(grainId, "r", etag1!));
            Assert.NotNull(await table.ReadRow(grainId, "r"));
            Assert.True(await table.RemoveRow(grainId, "r", etag2!));
            Assert.Null(await table.ReadRow(grainId, "r"));
            Assert.False(await table.RemoveRow(grainId, "r", etag2!));
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task Ring_range_reads_treat_hashes_as_a_signed_ring()
    {
        var db = await TestPostgres.CreateDatabaseAsync("reminders_ranges");
        var cluster = await StartClusterAsync(db);
        try
        {
            var table = cluster.Silos[0].Services.GetRequiredService<IReminderTable>();

            // Grains whose uniform hashes fall on both sides of 0 as signed int32 (i.e. in both
            // halves of the uint ring), as the provider stores them.
            var grains = new List<(GrainId Id, uint Hash)>();
            for (var i = 0; grains.Count(g => (int)g.Hash < 0) < 6 || grains.Count(g => (int)g.Hash >= 0) < 6; i++)
            {
                var id = GrainId.Create("reminder-ring", $"g{i}");
                grains.Add((id, id.GetUniformHashCode()));
            }

            foreach (var (id, _) in grains)
            {
                await table.UpsertRow(new ReminderEntry { GrainId = id, ReminderName = "r", StartAt = DateTime.UtcNow.AddHours(1), Period = TimeSpan.FromMinutes(5) });
            }

            var sorted = grains.Select(g => g.Hash).Order().ToList();
            var negativeSide = grains.Where(g => (int)g.Hash < 0).Select(g => g.Hash).Order().ToList();
            var ranges = new List<(uint Begin, uint End)>
            {
                (0u, 0x7FFF_FFFFu),                           // the non-negative half
                (0x7FFF_FFFFu, 0xFFFF_FFFFu),                 // the negative half: crosses the signed boundary
                (0xFFFF_FF00u, 0x0000_0100u),                 // wraps the uint ring, crosses 0 in signed order
                (sorted[0], sorted[^1]),                      // from one hash (excluded) to another (included)
                (sorted[^1], sorted[0]),                      // the complement: wraps
                (negativeSide[0], negativeSide[^1]),          // both ends negative
                (sorted[2], sorted[2]),                       // Begin = End: the whole ring
                (0u, 0u),
            };

            foreach (var (begin, end) in ranges)
            {
                var expected = grains.Where(g => InRange(g.Hash, begin, end)).Select(g => g.Id.ToString()).Order(StringComparer.Ordinal);
                var actual = (await table.ReadRows(begin, end)).Reminders.Select(r => r.GrainId.ToString()).Order(StringComparer.Ordinal);
                Assert.True(expected.SequenceEqual(actual), $"range ({begin:X8}, {end:X8}]: expected [{string.Join(", ", expected)}] got [{string.Join(", ", actual)}]");
            }

            // Any split of the ring into consecutive ranges returns every reminder exactly once.
            var cuts = new[] { 0x1000_0000u, 0x7FFF_FFFFu, 0x8000_0000u, 0xC000_0000u, sorted[3] }.Distinct().Order().ToArray();
            var seen = new List<string>();
            for (var i = 0; i < cuts.Length; i++)
            {
                var begin = cuts[i];
                var end = cuts[(i + 1) % cuts.Length];
                seen.AddRange((await table.ReadRows(begin, end)).Reminders.Select(r => r.GrainId.ToString()));
            }

            Assert.Equal(grains.Select(g => g.Id.ToString()).Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }

    /// <summary>Orleans' ring range (begin, end] on the uint ring; begin = end is the whole ring.</summary>
    private static bool InRange(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;

    private static async Task WaitForTicksAsync(string key, string name, int atLeast, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (ReminderTestGrain.Ticks(key, name) < atLeast)
        {
            Assert.True(clock.Elapsed < timeout,
                $"reminder {key}/{name} ticked {ReminderTestGrain.Ticks(key, name)} times in {timeout}, expected at least {atLeast}");
            await Task.Delay(100);
        }
    }
}
