using System.Net;
using BranchLedger.Silo;
using Microsoft.Extensions.Hosting;

namespace BranchLedger.Integration.Tests.Infrastructure;

/// <summary>
/// A silo in this process, wired exactly as the silo program wires itself (<see cref="SiloHosting"/>):
/// ADO.NET clustering, reminders and grain state on PostgreSQL, loopback endpoints.
/// </summary>
public sealed class SiloHost : IAsyncDisposable
{
    private readonly IHost _host;

    private SiloHost(IHost host, SiloSettings settings)
    {
        _host = host;
        Settings = settings;
    }

    public SiloSettings Settings { get; }

    public IServiceProvider Services => _host.Services;

    /// <param name="serviceId">Keys grain state: a database written by a deployment needs that deployment's (its default is "branchledger").</param>
    public static async Task<SiloHost> StartAsync(string connectionString, string clusterId, string serviceId = "branchledger-test")
    {
        var settings = new SiloSettings(
            connectionString, clusterId, serviceId, IPAddress.Loopback, ListenOnAnyAddress: false,
            Ports.Free(), Ports.Free(), MigrateOnStart: false);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.AddBranchLedgerSilo(settings);
        var host = builder.Build();
        await host.StartAsync();
        return new SiloHost(host, settings);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync();
        }
        finally
        {
            _host.Dispose();
        }
    }
}
