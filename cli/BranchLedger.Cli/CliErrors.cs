using Grpc.Core;
using Spectre.Console;

namespace BranchLedger.Cli;

/// <summary>Local input the CLI refuses before calling the gateway (a bad file, a malformed value).</summary>
internal sealed class CliInputException(string message) : Exception(message);

/// <summary>How a refused call is shown: one line with the status and message, then the field violations.</summary>
internal static class CliErrors
{
    public static void Report(IAnsiConsole error, RpcException ex)
    {
        // Plain lines, never wrapped: scripts grep them.
        var writer = error.Profile.Out.Writer;
        writer.WriteLine($"{Describe(ex.StatusCode)}: {ex.Status.Detail}");
        var violations = ex.GetRpcStatus()?.GetDetail<Google.Rpc.BadRequest>()?.FieldViolations ?? [];
        foreach (var v in violations)
        {
            writer.WriteLine($"  {v.Field}: {v.Description}");
        }
    }

    private static string Describe(StatusCode code) => code switch
    {
        StatusCode.InvalidArgument => "invalid argument",
        StatusCode.NotFound => "not found",
        StatusCode.AlreadyExists => "already exists",
        StatusCode.PermissionDenied => "permission denied",
        StatusCode.Unauthenticated => "not signed in (pass --token, --api-key or --key-file)",
        StatusCode.FailedPrecondition => "failed precondition",
        StatusCode.ResourceExhausted => "limit reached",
        StatusCode.Unavailable => "gateway unavailable",
        StatusCode.DeadlineExceeded => "timed out",
        _ => code.ToString(),
    };
}
