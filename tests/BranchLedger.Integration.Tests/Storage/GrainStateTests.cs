using BranchLedger.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;
using static BranchLedger.Integration.Tests.Storage.StorageTestSupport;

namespace BranchLedger.Integration.Tests.Storage;

/// <summary>One single-silo cluster per connection flavor, shared by the grain-state tests.</summary>
public sealed class GrainStateClusters : IAsyncLifetime
{
    private readonly Dictionary<ConnectionFlavor, Task<(AdoNetCluster Cluster, string Db)>> clusters = [];
    private readonly Lock gate = new();

    public Task<(AdoNetCluster Cluster, string Db)> GetAsync(ConnectionFlavor flavor)
    {
        lock (gate)
        {
            if (!clusters.TryGetValue(flavor, out var task))
            {
                task = StartAsync(flavor);
                clusters[flavor] = task;
            }

            return task;
        }
    }

    private static async Task<(AdoNetCluster, string)> StartAsync(ConnectionFlavor flavor)
    {
        var db = await TestPostgres.CreateDatabaseAsync($"state_{flavor}");
        return (await StartClusterAsync(WithFlavor(db, flavor)), db);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var task in clusters.Values)
        {
            if (task.IsCompletedSuccessfully)
            {
                await task.Result.Cluster.DisposeAsync();
            }
        }
    }
}

/// <summary>Grain state through the ADO.NET grain storage provider on our schema.</summary>
public sealed class GrainStateTests(GrainStateClusters clusters) : IClassFixture<GrainStateClusters>
{
    [Theory]
    [InlineData(ConnectionFlavor.Default)]
    [InlineData(ConnectionFlavor.TokyoWithoutAsserts)]
    public async Task First_write_gives_ETag_1_and_a_stale_ETag_is_refused(ConnectionFlavor flavor)
    {
        var (cluster, db) = await clusters.GetAsync(flavor);
        var key = $"etag-{Guid.NewGuid():N}";
        var grain = cluster.Client.GetGrain<IStringStateGrain>(key);

        var fresh = await grain.Current();
        Assert.Null(fresh.ETag);
        Assert.False(fresh.RecordExists);

        var first = await grain.Write("one");
        Assert.Equal("1", first.ETag);
        Assert.True(first.RecordExists);
        Assert.Equal("2", (await grain.Write("two")).ETag);

        // Another writer moves the row on behind the grain's back: the grain's ETag is stale.
        Assert.Equal(1, await ExecuteAsync(db,
            "UPDATE orleansstorage SET version = version + 1 WHERE graintypestring = @t AND grainidextensionstring = @k",
            P("t", TestStorage.StringState), P("k", key)));
        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.Write("three"));

        // The stored row is untouched by the refused write; a fresh read continues from it.
        var reloaded = await cluster.Client.GetGrain<IStringStateGrain>(key).Reload();
        Assert.Equal("two", reloaded.Value);
        Assert.Equal("3", reloaded.ETag);
        Assert.Equal("4", (await cluster.Client.GetGrain<IStringStateGrain>(key).Write("four")).ETag);
    }

    [Theory]
    [InlineData(ConnectionFlavor.Default)]
    [InlineData(ConnectionFlavor.TokyoWithoutAsserts)]
    public async Task Concurrent_first_writes_leave_exactly_one_row(ConnectionFlavor flavor)
    {
        var (cluster, db) = await clusters.GetAsync(flavor);
        // The provider itself, as two activations on different silos would call it.
        var storage = cluster.Silos[0].Services.GetRequiredKeyedService<IGrainStorage>(TestStorage.KeepOnClear);

        for (var round = 0; round < 5; round++)
        {
            var grainId = GrainId.Create("race", $"race-{Guid.NewGuid():N}");
            var writers = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
            {
                var state = new GrainState<TestState>(new TestState { Value = $"writer-{i}" });
                try
                {
                    await storage.WriteStateAsync(TestStorage.StringState, grainId, state);
                    return state.ETag;
                }
                catch (InconsistentStateException)
                {
                    return null;
                }
            })).ToList();
            var etags = await Task.WhenAll(writers);

            Assert.Equal("1", Assert.Single(etags, e => e is not null));
            Assert.Equal(1L, await ScalarAsync<long>(db,
                "SELECT count(*) FROM orleansstorage WHERE graintypestring = @t AND grainidextensionstring = @k",
                P("t", TestStorage.StringState), P("k", grainId.Key.ToString()!)));

            var read = new GrainState<TestState>();
            await storage.ReadStateAsync(TestStorage.StringState, grainId, read);
            Assert.Equal("1", read.ETag);
            Assert.True(read.RecordExists);
        }
    }

    [Theory]
    [InlineData(ConnectionFlavor.Default)]
    [InlineData(ConnectionFlavor.TokyoWithoutAsserts)]
    public async Task Clear_keeping_the_row_then_read_gives_default_state_and_next_write_succeeds(ConnectionFlavor flavor)
    {
        var (cluster, db) = await clusters.GetAsync(flavor);
        var key = $"clear-keep-{Guid.NewGuid():N}";
        var grain = cluster.Client.GetGrain<IStringStateGrain>(key);
        await grain.Write("one");
        await grain.Write("two");

        var cleared = await grain.Clear();
        Assert.Equal("3", cleared.ETag); // the row stays, with a NULL payload and the next version
        Assert.False(cleared.RecordExists);
        Assert.Null(cleared.Value);

        var row = Assert.Single(await QueryAsync(db,
            "SELECT payloadbinary, version FROM orleansstorage WHERE graintypestring = @t AND grainidextensionstring = @k",
            P("t", TestStorage.StringState), P("k", key)));
        Assert.Null(row["payloadbinary"]);
        Assert.Equal(3, row["version"]);

        await grain.Deactivate();
        var reloaded = await grain.Current(); // a new activation reads the cleared row
        Assert.Null(reloaded.Value);
        Assert.Equal(0, reloaded.Counter);
        Assert.False(reloaded.RecordExists);
        Assert.Equal("3", reloaded.ETag);

        var written = await grain.Write("again");
        Assert.Equal("4", written.ETag);
        Assert.True(written.RecordExists);
        Assert.Equal(1, written.Counter);
    }

    [Theory]
    [InlineData(ConnectionFlavor.Default)]
    [InlineData(ConnectionFlavor.TokyoWithoutAsserts)]
    public async Task Clear_deleting_the_row_then_read_gives_default_state_and_next_write_succeeds(ConnectionFlavor flavor)
    {
        var (cluster, db) = await clusters.GetAsync(flavor);
        var key = $"clear-delete-{Guid.NewGuid():N}";
        var grain = cluster.Client.GetGrain<IDeletingStateGrain>(key);
        await grain.Write("one");
        await grain.Write("two");

        var cleared = await grain.Clear();
        Assert.Null(cleared.ETag);
        Assert.False(cleared.RecordExists);
        Assert.Equal(0L, await ScalarAsync<long>(db,
            "SELECT count(*) FROM orleansstorage WHERE graintypestring = @t AND grainidextensionstring = @k",
            P("t", TestStorage.DeletingState), P("k", key)));

        await grain.Deactivate();
        var reloaded = await grain.Current();
        Assert.Null(reloaded.Value);
        Assert.False(reloaded.RecordExists);
        Assert.Null(reloaded.ETag);

        Assert.Equal("1", (await grain.Write("again")).ETag); // a new first write
        // Clearing twice in a row (the second finds no record) is harmless too.
        await grain.Clear();
        await grain.Clear();
    }

    [Fact]
    public async Task String_guid_integer_and_compound_keys_do_not_collide()
    {
        var (cluster, db) = await clusters.GetAsync(ConnectionFlavor.Default);
        var client = cluster.Client;
        var guid = Guid.NewGuid();
        var unique = Guid.NewGuid().ToString("N");
        var number = Random.Shared.NextInt64(1, long.MaxValue);

        // Each entry: a grain and the value it stores. Keys chosen to trip a sloppy natural key:
        // same Guid with and without extension, same number as plain and compound key (same state
        // name on purpose), extensions differing only in case, a negative number, string keys
        // that look like the other keys.
        var grains = new List<(IStateOperations Grain, string Value)>
        {
            (client.GetGrain<IStringStateGrain>($"{unique}-a"), "string a"),
            (client.GetGrain<IStringStateGrain>($"{unique}-A"), "string A"),
            (client.GetGrain<IStringStateGrain>(guid.ToString()), "string that looks like the guid"),
            (client.GetGrain<IStringStateGrain>(number.ToString(System.Globalization.CultureInfo.InvariantCulture)), "string that looks like the number"),
            (client.GetGrain<IGuidStateGrain>(guid), "guid"),
            (client.GetGrain<IGuidStateGrain>(Guid.NewGuid()), "other guid"),
            (client.GetGrain<IGuidCompoundStateGrain>(guid, "x"), "guid+x"),
            (client.GetGrain<IGuidCompoundStateGrain>(guid, "X"), "guid+X"),
            (client.GetGrain<IGuidCompoundStateGrain>(guid, $"{unique}"), "guid+unique"),
            (client.GetGrain<IIntegerStateGrain>(number), "integer"),
            (client.GetGrain<IIntegerStateGrain>(-number), "negative integer"),
            (client.GetGrain<IIntegerCompoundStateGrain>(number, "x"), "integer+x"),
            (client.GetGrain<IIntegerCompoundStateGrain>(number, "y"), "integer+y"),
            (client.GetGrain<IIntegerCompoundStateGrain>(-number, "x"), "negative integer+x"),
        };

        // Tests of one class run one after another, so the row count grows by exactly our grains.
        const string CountRows = "SELECT count(*) FROM orleansstorage WHERE graintypestring = ANY(@names)";
        var names = P("names", new[] { TestStorage.StringState, TestStorage.GuidState, TestStorage.GuidCompoundState, TestStorage.IntegerKeysState });
        var rowsBefore = await ScalarAsync<long>(db, CountRows, names);

        foreach (var (grain, value) in grains)
        {
            var written = await grain.Write(value);
            Assert.Equal("1", written.ETag); // a collision would show as a conflict or ETag > 1
        }

        Assert.Equal(rowsBefore + grains.Count, await ScalarAsync<long>(db, CountRows, P("names", names.Value!)));

        foreach (var (grain, _) in grains)
        {
            await grain.Deactivate();
        }

        foreach (var (grain, value) in grains)
        {
            var read = await grain.Current();
            Assert.Equal(value, read.Value);
            Assert.Equal("1", read.ETag);
        }

    }

    [Fact]
    public async Task State_names_and_service_ids_separate_rows_with_the_same_key()
    {
        var (cluster, db) = await clusters.GetAsync(ConnectionFlavor.Default);
        var storage = cluster.Silos[0].Services.GetRequiredKeyedService<IGrainStorage>(TestStorage.KeepOnClear);
        var grainId = GrainId.Create("names", $"same-key-{Guid.NewGuid():N}");

        await storage.WriteStateAsync("state-one", grainId, new GrainState<TestState>(new TestState { Value = "one" }));
        await storage.WriteStateAsync("state-two", grainId, new GrainState<TestState>(new TestState { Value = "two" }));

        var one = new GrainState<TestState>();
        var two = new GrainState<TestState>();
        await storage.ReadStateAsync("state-one", grainId, one);
        await storage.ReadStateAsync("state-two", grainId, two);
        Assert.Equal(("one", "1"), (one.State?.Value, one.ETag));
        Assert.Equal(("two", "1"), (two.State?.Value, two.ETag));

        // Another ServiceId with the same state name and key: run the stored read as another
        // service would; it must not see this service's row.
        var otherService = await RunStoredQueryAsync(db, "ReadFromStorageKey",
            P("GrainIdHash", 0), P("GrainIdN0", 0L), P("GrainIdN1", 0L), P("GrainTypeHash", 0),
            P("GrainTypeString", "state-one"), P("GrainIdExtensionString", grainId.Key.ToString()!),
            P("ServiceId", "some-other-service"));
        Assert.Empty(otherService);
        var sameService = await RunStoredQueryAsync(db, "ReadFromStorageKey",
            P("GrainIdHash", 0), P("GrainIdN0", 0L), P("GrainIdN1", 0L), P("GrainTypeHash", 0),
            P("GrainTypeString", "state-one"), P("GrainIdExtensionString", grainId.Key.ToString()!),
            P("ServiceId", cluster.ServiceId));
        Assert.Equal(1, Assert.Single(sameService)["version"]);
    }
}
