using BranchLedger.Contracts.Rankings;
using BranchLedger.Contracts.Scoring;
using BranchLedger.Domain.Scoring;
using BranchLedger.Domain.Validation;
using BranchLedger.Domain.Access;
using BranchLedger.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BranchLedger.Browser.Tests;

/// <summary>
/// A database, a production-wired silo, the gateway on a real loopback port (a browser needs a socket)
/// and headless Chromium — the system's, found on PATH or named by <see cref="ChromiumVariable"/>.
/// </summary>
public sealed class DashboardPlatform : IAsyncLifetime
{
    public const string ChromiumVariable = "BRANCHLEDGER_CHROMIUM";

    private SiloHost? _silo;
    private GatewayHost? _gateway;
    private IPlaywright? _playwright;

    /// <summary>The gateway's HTTP/1.1 endpoint, e.g. http://127.0.0.1:41234.</summary>
    public string BaseAddress { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    public IGrainFactory Grains => _silo!.Services.GetRequiredService<IGrainFactory>();

    /// <summary>A supervisor's token, as the CLI's <c>token 'supervisor@*'</c> makes one.</summary>
    public static string SupervisorToken { get; } = TestCredentials.Token("city-supervisor", [Grant.Everywhere(Role.Supervisor)]);

    /// <summary>
    /// Pushes scores through the ranking ingress, as ledgers do, and waits until applied. They are made
    /// the serving rubric's (reading it publishes the default one on a fresh city): its version, its
    /// grade names and, in order, its first indicators' ids, so the page names and colours them as it
    /// would real scores.
    /// </summary>
    public async Task PushAsync(IReadOnlyList<BranchScore> scores)
    {
        var serving = await Grains.GetGrain<IRubricGrain>(CityKeys.City).Get(0)
            ?? throw new InvalidOperationException("No serving rubric.");
        var rubric = RubricJson.Read(serving.Json, new Violations())
            ?? throw new InvalidOperationException("The serving rubric does not parse.");
        var indicators = rubric.Indicators.Select(i => i.Id).ToList();
        await RankingPush.PublishManyAsync(Grains, [.. scores.Select(score => score with
        {
            RubricVersion = serving.VersionKey,
            Grade = rubric.GradeOf((decimal)score.Total)?.Name ?? "",
            Indicators = [.. score.Indicators.Select((indicator, n) => indicator with { IndicatorId = indicators[n] })],
        })]);
        await RankingPush.FlushAsync(Grains);
    }

    public async Task InitializeAsync()
    {
        var chromium = FindChromium() ?? throw new InvalidOperationException(
            $"No Chromium: install the system package (apt-get install -y chromium) or set {ChromiumVariable}.");
        var db = await TestPostgres.CreateDatabaseAsync("browser");
        var clusterId = "web-" + Guid.NewGuid().ToString("N")[..8];
        _silo = await SiloHost.StartAsync(db, clusterId);
        BaseAddress = $"http://127.0.0.1:{Ports.Free()}";
        _gateway = new GatewayHost(db, clusterId);
        _gateway.Settings["Kestrel:Endpoints:Http:Url"] = BaseAddress;
        _gateway.Settings["Kestrel:Endpoints:Grpc:Url"] = $"http://127.0.0.1:{Ports.Free()}";
        // The development sign-in, as scripts/platform.sh offers it (the local key is the test one).
        _gateway.Settings["Web:DevSignIn"] = "true";
        _gateway.UseKestrel();
        _gateway.StartServer();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }
    }

    private static string? FindChromium()
    {
        if (Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } named)
        {
            return named;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, "chromium"))
            .FirstOrDefault(File.Exists);
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardPlatform>
{
    public const string Name = "dashboard";
}
