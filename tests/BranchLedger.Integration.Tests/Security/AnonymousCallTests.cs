using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BranchLedger.Integration.Tests.Infrastructure;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace BranchLedger.Integration.Tests.Security;

/// <summary>A gateway whose message limit is small, so an oversized body is cheap to send.</summary>
public sealed class SmallMessageGatewayFixture : GatewayFixture
{
    public const int MaxMessageBytes = 4096;

    protected override IReadOnlyDictionary<string, string> GatewaySettings { get; } = new Dictionary<string, string>
    {
        ["Limits:MaxMessageBytes"] = MaxMessageBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>
/// A call without a valid credential is refused before its message is read: whatever the body — not
/// protobuf, over the size limit, not JSON — the answer is <c>UNAUTHENTICATED</c>, never a status that
/// tells an anonymous caller what the parser or the limits make of it. Health and reflection stay open.
/// </summary>
public sealed class AnonymousCallTests(SmallMessageGatewayFixture fixture) : IClassFixture<SmallMessageGatewayFixture>
{
    private const string Tenant = "anon-tenant";
    private static readonly Marshaller<byte[]> RawBytes = Marshallers.Create(b => b, b => b);

    // Field 1 promising 2 GiB that never come: no request message parses this.
    private static readonly byte[] NotProtobuf = [0x0A, 0xFF, 0xFF, 0xFF, 0xFF, 0x07, 0x61];

    // A well-formed field 1 (a string) longer than the gateway accepts.
    private static readonly byte[] Oversized = [0x0A, 0x80, 0x40, .. Enumerable.Repeat((byte)'a', 8192)];

    public static TheoryData<string> Bodies => new("not-protobuf", "oversized", "empty");

    private static IEnumerable<MethodDescriptor> Methods => ApiSurface.Services.SelectMany(s => s.Methods);

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Every_RPC_refuses_an_anonymous_or_badly_signed_call_as_unauthenticated_whatever_its_body(string bodyKind)
    {
        var body = Body(bodyKind);
        var anonymous = new Metadata();
        var forged = new Metadata { { "authorization", "Bearer not.a.token" } };
        var answers = new List<string>();
        foreach (var method in Methods)
        {
            var (plain, plainDetail) = await CallAsync(method, body, anonymous);
            var (bad, badDetail) = await CallAsync(method, body, forged);
            if (plain != StatusCode.Unauthenticated || !plainDetail.Contains("Bearer", StringComparison.Ordinal))
            {
                answers.Add($"{method.FullName} without a credential: {plain} {plainDetail}");
            }

            if (bad != StatusCode.Unauthenticated || !badDetail.Contains("refused", StringComparison.Ordinal))
            {
                answers.Add($"{method.FullName} with a forged token: {bad} {badDetail}");
            }
        }

        Assert.True(answers.Count == 0, string.Join('\n', answers));
    }

    [Fact]
    public async Task With_a_valid_credential_the_same_bodies_reach_the_parser_and_the_limit()
    {
        // The control: what an anonymous caller must no longer learn.
        await fixture.EnsureAsync(Tenant, "office-branch");
        var method = ApiSurface.Services.Single(s => s.Name == "LedgerService").FindMethodByName("RecordMeeting");

        Assert.Equal(StatusCode.InvalidArgument, (await CallAsync(method, NotProtobuf, GatewayHost.As(Tenant))).Code);
        Assert.Equal(StatusCode.ResourceExhausted, (await CallAsync(method, Oversized, GatewayHost.As(Tenant))).Code);
    }

    [Fact]
    public async Task Health_and_reflection_answer_without_a_credential()
    {
        var health = new Method<byte[], byte[]>(MethodType.Unary, "grpc.health.v1.Health", "Check", RawBytes, RawBytes);
        var answer = await fixture.Calls.AsyncUnaryCall(health, null, new CallOptions(new Metadata()), []);
        Assert.Equal([0x08, 0x01], answer); // status: SERVING
    }

    [Fact]
    public async Task A_JSON_call_without_a_credential_is_401_before_its_body_is_read()
    {
        using var http = fixture.Http();
        foreach (var body in new[] { "{not json", "{\"requestId\": 7}", new string('x', 2 * SmallMessageGatewayFixture.MaxMessageBytes) })
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var anonymous = await http.PostAsync("/v1/nodes/office-branch/meetings", content);

            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            var error = JsonDocument.Parse(await anonymous.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal((int)StatusCode.Unauthenticated, error.GetProperty("code").GetInt32());
            Assert.Contains("Bearer", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        // The control: with a credential, the malformed body is the caller's error.
        await fixture.EnsureAsync(Tenant, "office-branch");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/nodes/office-branch/meetings")
        {
            Content = new StringContent("{not json", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = AuthenticationHeaderValue.Parse(GatewayHost.As(Tenant).GetValue("authorization")!);
        using var authenticated = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, authenticated.StatusCode);
    }

    private static byte[] Body(string kind) => kind switch
    {
        "not-protobuf" => NotProtobuf,
        "oversized" => Oversized,
        _ => [],
    };

    private async Task<(StatusCode Code, string Detail)> CallAsync(MethodDescriptor method, byte[] body, Metadata caller)
    {
        var type = method.IsServerStreaming ? MethodType.ServerStreaming : MethodType.Unary;
        var raw = new Method<byte[], byte[]>(type, method.Service.FullName, method.Name, RawBytes, RawBytes);
        var options = new CallOptions(caller, DateTime.UtcNow.AddSeconds(30));
        try
        {
            if (method.IsServerStreaming)
            {
                using var stream = fixture.Calls.AsyncServerStreamingCall(raw, null, options, body);
                await stream.ResponseStream.MoveNext(CancellationToken.None);
            }
            else
            {
                await fixture.Calls.AsyncUnaryCall(raw, null, options, body);
            }

            return (StatusCode.OK, "");
        }
        catch (RpcException ex)
        {
            return (ex.StatusCode, ex.Status.Detail);
        }
    }
}
