using BranchLedger.Contracts.Errors;
using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Contracts.Ledger;

/// <summary>
/// Runs the domain's rules over commands. The gateway runs the same checks before calling a grain;
/// grains run them again because not every caller is the gateway.
/// </summary>
public static class CommandChecks
{
    /// <summary>Checks an append command; field paths are those of the API's request.</summary>
    public static Violations Check(AppendCommand command, DateOnly today, Violations? found = null)
    {
        var violations = (found ?? new Violations()).RequestId(FieldPaths.RequestId, command.RequestId);
        // Corrections and reviews are whole requests (record_id, reason); other bodies are a field named after their family.
        command.Body.Check(violations, command.Body is ITargetsRecord ? "" : command.Body.Family + ".", today);
        if (command.Evidence.Count > RecordRules.MaxEvidence)
        {
            violations.Add(FieldPaths.Evidence, $"must have at most {RecordRules.MaxEvidence} entries");
        }

        for (var i = 0; i < Math.Min(command.Evidence.Count, RecordRules.MaxEvidence); i++)
        {
            var e = command.Evidence[i];
            violations.Evidence($"evidence[{i}].", e.Uri, e.Sha256, e.MediaType);
        }

        return violations;
    }

    /// <summary>Throws <see cref="InvalidCommandException"/> when anything was found.</summary>
    public static void ThrowIfInvalid(Violations violations)
    {
        if (!violations.IsEmpty)
        {
            throw new InvalidCommandException(
                violations.Items.Select(v => new FieldError(v.Field, v.Description)).ToList());
        }
    }
}
