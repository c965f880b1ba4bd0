using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Spectre.Console;

namespace BranchLedger.Cli;

/// <summary>What one command run works with: the consoles, the channel to the gateway and the caller.</summary>
internal sealed class CliContext(
    IAnsiConsole output, IAnsiConsole error, Func<GrpcChannel> connect, CliCredentials credentials, string tenant, bool json) : IDisposable
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithIndentation());
    private GrpcChannel? _channel;

    public IAnsiConsole Out => output;

    public IAnsiConsole Error => error;

    /// <summary>True when the caller asked for JSON instead of tables.</summary>
    public bool Json => json;

    public string Tenant => tenant;

    public CliCredentials Credentials => credentials;

    /// <summary>The channel, opened on first use (commands like <c>token</c> never open one).</summary>
    public GrpcChannel Channel => _channel ??= connect();

    /// <summary>Call metadata acting on <see cref="Tenant"/>.</summary>
    public Metadata Headers => credentials.For(tenant);

    /// <summary>Writes text as it is: no markup, no wrapping (tokens, keys and JSON must survive a pipe).</summary>
    public void WriteRaw(string text) => output.Profile.Out.Writer.WriteLine(text);

    /// <summary>Writes a response as protobuf JSON.</summary>
    public void WriteJson(IMessage message) => WriteRaw(Formatter.Format(message));

    /// <summary>Writes a response as JSON when asked to, otherwise runs <paramref name="human"/>.</summary>
    public void Show(IMessage message, Action human)
    {
        if (json)
        {
            WriteJson(message);
        }
        else
        {
            human();
        }
    }

    public void Dispose() => _channel?.Dispose();
}
