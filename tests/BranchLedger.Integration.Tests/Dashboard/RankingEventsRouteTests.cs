using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using BranchLedger.Domain.Access;
using BranchLedger.Integration.Tests.Infrastructure;
using BranchLedger.Integration.Tests.Rankings;
using static BranchLedger.Integration.Tests.Rankings.RankingScores;

namespace BranchLedger.Integration.Tests.Dashboard;

/// <summary>
/// WatchRanking as server-sent events (GET /v1/rankings/{period}/events): the RPC's credential and
/// validation, then the view now and again at each pushed change, on one open response.
/// </summary>
[Collection(RankingGatewayCollection.Name)]
public sealed class RankingEventsRouteTests(RankingGatewayFixture fixture)
{
    private const string Period = "2020";

    [Fact]
    public async Task A_supervisor_gets_the_view_and_then_each_change_as_an_event_on_one_response()
    {
        await fixture.PushAsync(Score("tenant-a", "branch-e1", Period, 70));
        using var supervisor = Client(TestCredentials.Token("city-supervisor", [Grant.Everywhere(Role.Supervisor)]));
        using var timeout = new CancellationTokenSource(Poll.Generous);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/rankings/{Period}/events?topN=5");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await supervisor.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var events = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var first = await NextAsync(events, v => v.GetProperty("rankedCount").GetString() == "1", timeout.Token);
        Assert.Equal("branch-e1", first.GetProperty("branches")[0].GetProperty("nodeId").GetString());

        await fixture.PushAsync(Score("tenant-b", "branch-e2", Period, 90));
        var changed = await NextAsync(events, v => v.GetProperty("rankedCount").GetString() == "2", timeout.Token);
        Assert.Equal(["branch-e2", "branch-e1"], changed.GetProperty("branches").EnumerateArray().Select(b => b.GetProperty("nodeId").GetString()));
    }

    [Fact]
    public async Task The_events_need_a_credential_the_views_permission_and_a_valid_request()
    {
        using var anonymous = fixture.Http();
        using var refused = await anonymous.GetAsync($"/v1/rankings/{Period}/events");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        // A branch secretary may not watch the city (it ranks other tenants' branches).
        using var secretary = Client(TestCredentials.Token("secretary", [Grant.For(Role.BranchSecretary, "tenant-a", ["branch-e1"])]));
        using var forbidden = await secretary.GetAsync($"/v1/rankings/{Period}/events");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        using var supervisor = Client(TestCredentials.Token("city-supervisor", [Grant.Everywhere(Role.Supervisor)]));
        using var invalid = await supervisor.GetAsync($"/v1/rankings/{Period}/events?topN=101");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        using var unreadable = await supervisor.GetAsync($"/v1/rankings/{Period}/events?topN=many");
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
    }

    private static async Task<JsonElement> NextAsync(StreamReader events, Func<JsonElement, bool> wanted, CancellationToken cancellation)
    {
        while (await events.ReadLineAsync(cancellation) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal) && JsonDocument.Parse(line[6..]).RootElement is var view && wanted(view))
            {
                return view;
            }
        }

        throw new InvalidOperationException("The event stream ended.");
    }

    private HttpClient Client(string token)
    {
        var http = fixture.Http();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
