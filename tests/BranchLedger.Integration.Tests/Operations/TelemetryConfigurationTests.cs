using BranchLedger.Hosting;
using BranchLedger.Integration.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace BranchLedger.Integration.Tests.Operations;

/// <summary>The standard OTEL_* variables decide what is exported and how the service is named.</summary>
public sealed class TelemetryConfigurationTests
{
    [Fact]
    public async Task Logs_are_exported_only_when_an_OTLP_endpoint_is_set()
    {
        using var without = await StartAsync(new Dictionary<string, string?>());
        using var with = await StartAsync(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{Ports.Free()}",
        });

        Assert.DoesNotContain(without.Services.GetServices<ILoggerProvider>(), IsOpenTelemetry);
        Assert.Contains(with.Services.GetServices<ILoggerProvider>(), IsOpenTelemetry);
        await with.StopAsync(); // an unreachable collector never blocks a stop
    }

    [Fact]
    public async Task OTEL_SERVICE_NAME_overrides_the_default_service_name()
    {
        using var host = await StartAsync(new Dictionary<string, string?> { ["OTEL_SERVICE_NAME"] = "ledger-gw-eu" });

        var resource = host.Services.GetRequiredService<TracerProvider>().GetResource();

        Assert.Contains(resource.Attributes, a => a.Key == "service.name" && Equals(a.Value, "ledger-gw-eu"));
    }

    private static bool IsOpenTelemetry(ILoggerProvider provider) => provider.GetType().Name == "OpenTelemetryLoggerProvider";

    private static async Task<IHost> StartAsync(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddBranchLedgerTelemetry("branchledger-test");
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
