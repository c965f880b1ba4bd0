using System.Collections.Concurrent;
using Orleans.Runtime;

namespace BranchLedger.Integration.Tests.Storage;

// Small grains used only by the storage-contract tests. Every grain class has its own state name
// (rows are keyed by state name + grain key, not by grain class), except where a test shares a
// name on purpose to check that different key shapes under one name do not collide.

/// <summary>Names of the storage providers and state names the test silos register.</summary>
public static class TestStorage
{
    /// <summary>ADO.NET grain storage with DeleteStateOnClear=false (clear keeps the row).</summary>
    public const string KeepOnClear = "test-keep";

    /// <summary>ADO.NET grain storage with DeleteStateOnClear=true (clear deletes the row).</summary>
    public const string DeleteOnClear = "test-delete";

    public const string StringState = "string-state";
    public const string GuidState = "guid-state";
    public const string DeletingState = "deleting-state";

    /// <summary>Shared on purpose by the integer and integer-compound grains (see the key tests).</summary>
    public const string IntegerKeysState = "integer-keys-state";

    public const string GuidCompoundState = "guid-compound-state";
}

[GenerateSerializer]
[Alias("BranchLedger.Integration.Tests.Storage.TestState")]
public sealed class TestState
{
    [Id(0)] public string? Value { get; set; }
    [Id(1)] public int Counter { get; set; }
}

/// <summary>What a grain's persistent state looks like after an operation.</summary>
[GenerateSerializer]
[Alias("BranchLedger.Integration.Tests.Storage.StateSnapshot")]
public sealed record StateSnapshot(
    [property: Id(0)] string? Value,
    [property: Id(1)] int Counter,
    [property: Id(2)] string? ETag,
    [property: Id(3)] bool RecordExists);

/// <summary>Operations shared by every state test grain, whatever its key type.</summary>
public interface IStateOperations
{
    Task<StateSnapshot> Write(string value);
    Task<StateSnapshot> Reload();
    Task<StateSnapshot> Clear();
    Task<StateSnapshot> Current();

    /// <summary>Deactivates after this call; the next call gets a new activation that reads storage.</summary>
    Task Deactivate();
}

public interface IStringStateGrain : IGrainWithStringKey, IStateOperations;
public interface IGuidStateGrain : IGrainWithGuidKey, IStateOperations;
public interface IIntegerStateGrain : IGrainWithIntegerKey, IStateOperations;
public interface IIntegerCompoundStateGrain : IGrainWithIntegerCompoundKey, IStateOperations;
public interface IGuidCompoundStateGrain : IGrainWithGuidCompoundKey, IStateOperations;
public interface IDeletingStateGrain : IGrainWithStringKey, IStateOperations;

public abstract class StateGrainBase(IPersistentState<TestState> state) : Grain
{
    public async Task<StateSnapshot> Write(string value)
    {
        state.State.Value = value;
        state.State.Counter++;
        await state.WriteStateAsync();
        return Snapshot();
    }

    public async Task<StateSnapshot> Reload()
    {
        await state.ReadStateAsync();
        return Snapshot();
    }

    public async Task<StateSnapshot> Clear()
    {
        await state.ClearStateAsync();
        return Snapshot();
    }

    public Task<StateSnapshot> Current() => Task.FromResult(Snapshot());

    public Task Deactivate()
    {
        this.DeactivateOnIdle();
        return Task.CompletedTask;
    }

    private StateSnapshot Snapshot() => new(state.State.Value, state.State.Counter, state.Etag, state.RecordExists);
}

public sealed class StringStateGrain([PersistentState(TestStorage.StringState, TestStorage.KeepOnClear)] IPersistentState<TestState> state)
    : StateGrainBase(state), IStringStateGrain;

public sealed class GuidStateGrain([PersistentState(TestStorage.GuidState, TestStorage.KeepOnClear)] IPersistentState<TestState> state)
    : StateGrainBase(state), IGuidStateGrain;

public sealed class IntegerStateGrain([PersistentState(TestStorage.IntegerKeysState, TestStorage.KeepOnClear)] IPersistentState<TestState> state)
    : StateGrainBase(state), IIntegerStateGrain;

public sealed class IntegerCompoundStateGrain([PersistentState(TestStorage.IntegerKeysState, TestStorage.KeepOnClear)] IPersistentState<TestState> state)
    : StateGrainBase(state), IIntegerCompoundStateGrain;

public sealed class GuidCompoundStateGrain([PersistentState(TestStorage.GuidCompoundState, TestStorage.KeepOnClear)] IPersistentState<TestState> state)
    : StateGrainBase(state), IGuidCompoundStateGrain;

public sealed class DeletingStateGrain([PersistentState(TestStorage.DeletingState, TestStorage.DeleteOnClear)] IPersistentState<TestState> state)
    : StateGrainBase(state), IDeletingStateGrain;

/// <summary>Answers with the silo it runs on: proves calls reach grains on every silo.</summary>
public interface IWhereGrain : IGrainWithIntegerKey
{
    Task<string> SiloAddress();
}

public sealed class WhereGrain(ILocalSiloDetails silo) : Grain, IWhereGrain
{
    public Task<string> SiloAddress() => Task.FromResult(silo.SiloAddress.ToString());
}

/// <summary>A grain that registers a reminder and counts its ticks (in process-wide memory, since
/// the test silos run in the test process).</summary>
public interface IReminderTestGrain : IGrainWithStringKey
{
    Task Register(string reminderName, TimeSpan dueTime, TimeSpan period);
    Task Unregister(string reminderName);
}

public sealed class ReminderTestGrain : Grain, IReminderTestGrain, IRemindable
{
    private static readonly ConcurrentDictionary<string, int> TickCounts = new();

    /// <summary>Ticks seen per "grain key/reminder name".</summary>
    public static int Ticks(string grainKey, string reminderName) =>
        TickCounts.GetValueOrDefault($"{grainKey}/{reminderName}");

    public Task Register(string reminderName, TimeSpan dueTime, TimeSpan period) =>
        this.RegisterOrUpdateReminder(reminderName, dueTime, period);

    public async Task Unregister(string reminderName)
    {
        var reminder = await this.GetReminder(reminderName);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        TickCounts.AddOrUpdate($"{this.GetPrimaryKeyString()}/{reminderName}", 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }
}
