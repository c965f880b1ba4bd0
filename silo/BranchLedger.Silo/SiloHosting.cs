using BranchLedger.Grains;
using BranchLedger.Hosting;
using BranchLedger.Grains.Security;
using BranchLedger.Grains.Ledger.Journal;
using BranchLedger.Grains.Scoring;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace BranchLedger.Silo;

/// <summary>Wires Orleans to PostgreSQL through the ADO.NET providers and the project's own schema.</summary>
public static class SiloHosting
{
    /// <summary>The ADO.NET invariant name the Orleans providers use for Npgsql.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>The silo as production runs it: cluster identity, endpoints and PostgreSQL.</summary>
    public static IHostApplicationBuilder AddBranchLedgerSilo(this IHostApplicationBuilder builder, SiloSettings settings)
    {
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings.ClusterId;
                o.ServiceId = settings.ServiceId;
            });
            silo.ConfigureEndpoints(
                settings.AdvertisedAddress,
                settings.SiloPort,
                settings.GatewayPort,
                listenOnAnyHostAddress: settings.ListenOnAnyAddress);
            silo.UseBranchLedgerPostgres(settings.ConnectionString);
            ClusterTls.From(builder.Configuration)?.Apply(silo);
            silo.ConfigureActivationCollection(builder.Configuration);

            // Grain calls continue the caller's trace (the gateway's client adds the same filter).
            silo.AddActivityPropagation();
        });
        return builder;
    }

    /// <summary>
    /// Membership, reminders and grain state on PostgreSQL, plus the services grains need. Tests build
    /// their clusters with this same method, so they run what production runs.
    /// </summary>
    public static ISiloBuilder UseBranchLedgerPostgres(this ISiloBuilder silo, string connectionString)
    {
        silo.Services.AddSingleton(TimeProvider.System);
        silo.AddBranchLedgerSecurity(connectionString);
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });

        // Ledger state is stored with Orleans' binary serializer: version-tolerant through [Id], several
        // times smaller than JSON with type names, and renaming a type does not orphan rows ([Alias]).
        silo.AddAdoNetGrainStorage(StorageNames.Ledger, options => options.Configure<Serializer>((o, serializer) =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
            o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
        }));
        RetryableStorage.Wrap(silo.Services, StorageNames.Ledger);

        // Ledger records are durable in the journal (migration 0006), written with the same serializer;
        // the ledger's grain state above is only its snapshot.
        silo.Services.AddSingleton<ILedgerJournal>(sp => new PostgresLedgerJournal(connectionString, sp.GetRequiredService<Serializer>()));

        // Each branch's score inputs (migration 0007), so rebuilds and rescorings read them in bulk.
        silo.Services.AddSingleton<IScoreInputStore>(_ => new PostgresScoreInputStore(connectionString));

        // Ledgers written before the journal are copied into it at start (idempotent, verified per ledger).
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => new LedgerStateMigrationAtStart(
            connectionString, sp.GetRequiredService<IOptions<ClusterOptions>>(), sp.GetRequiredService<Serializer>(),
            sp.GetRequiredService<ILogger<LedgerStateMigration>>()));

        // A silo lost without shutting down takes ranking pushes with it: the survivors have them redone.
        silo.Services.AddSingleton<SiloLossWatcher>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<SiloLossWatcher>());
        return silo;
    }
}
