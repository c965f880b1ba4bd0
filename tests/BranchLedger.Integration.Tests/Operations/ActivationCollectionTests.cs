using System.Net;
using BranchLedger.Grains.Ledger;
using BranchLedger.Grains.Rankings;
using BranchLedger.Integration.Tests.Infrastructure;
using BranchLedger.Silo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime;

namespace BranchLedger.Integration.Tests.Operations;

/// <summary>The silo program's activation collection: idle ledgers leave memory, memory pressure sheds, configuration overrides.</summary>
public sealed class ActivationCollectionTests
{
    private static readonly string Ledger = typeof(LedgerGrain).FullName!;

    [Fact]
    public void The_silo_sheds_under_memory_pressure_and_collects_idle_ledgers_early_by_default()
    {
        using var host = Build([]);
        var options = host.Services.GetRequiredService<IOptions<GrainCollectionOptions>>().Value;

        Assert.True(options.EnableActivationSheddingOnMemoryPressure);
        Assert.Equal(ActivationCollection.MemoryLimitPercentage, options.MemoryUsageLimitPercentage);
        Assert.Equal(ActivationCollection.MemoryTargetPercentage, options.MemoryUsageTargetPercentage);
        Assert.Equal(ActivationCollection.LedgerIdleAge, options.ClassSpecificCollectionAge[Ledger]);
        Assert.True(ActivationCollection.LedgerIdleAge < options.CollectionAge, "other grains keep Orleans' default idle age");
        Assert.False(options.ClassSpecificCollectionAge.ContainsKey(typeof(RankingShardGrain).FullName!));
        Validate(host); // the defaults pass Orleans' own checks, which run when the silo starts
    }

    [Fact]
    public void Configuration_overrides_every_default()
    {
        using var host = Build(new()
        {
            ["Orleans:GrainCollection:EnableActivationSheddingOnMemoryPressure"] = "false",
            ["Orleans:GrainCollection:MemoryUsageLimitPercentage"] = "90",
            ["Orleans:GrainCollection:MemoryUsageTargetPercentage"] = "85",
            ["Orleans:GrainCollection:CollectionAge"] = "00:30:00",
            [$"Orleans:GrainCollection:ClassSpecificCollectionAge:{Ledger}"] = "00:02:00",
        });
        var options = host.Services.GetRequiredService<IOptions<GrainCollectionOptions>>().Value;

        Assert.False(options.EnableActivationSheddingOnMemoryPressure);
        Assert.Equal(90, options.MemoryUsageLimitPercentage);
        Assert.Equal(85, options.MemoryUsageTargetPercentage);
        Assert.Equal(TimeSpan.FromMinutes(30), options.CollectionAge);
        Assert.Equal(TimeSpan.FromMinutes(2), options.ClassSpecificCollectionAge[Ledger]);
        Validate(host);
    }

    [Fact]
    public void A_target_at_or_above_the_limit_stops_the_silo_from_starting()
    {
        using var host = Build(new() { ["Orleans:GrainCollection:MemoryUsageTargetPercentage"] = "80" });

        Assert.Throws<OrleansConfigurationException>(() => Validate(host));
    }

    private static IHost Build(Dictionary<string, string?> configuration)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(configuration);
        var settings = new SiloSettings(
            "Host=127.0.0.1;Port=1;Username=none", "collection-test", "branchledger-test", IPAddress.Loopback, ListenOnAnyAddress: false,
            Ports.Free(), Ports.Free(), MigrateOnStart: false);
        builder.AddBranchLedgerSilo(settings);
        return builder.Build(); // never started: options and validators are all these tests need
    }

    private static void Validate(IHost host)
    {
        foreach (var validator in host.Services.GetServices<IConfigurationValidator>().Where(v => v.GetType().Name.Contains("GrainCollection", StringComparison.Ordinal)))
        {
            validator.ValidateConfiguration();
        }
    }
}
