using BranchLedger.Contracts.Errors;
using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Contracts.Ledger;

/// <summary>
/// Runs the domain's rules over commands. The edge (the gateway) checks a request's shape before any
/// grain call (<see cref="CheckShape"/>); the ledger checks everything, dates included, with its
/// tenant's calendar (<see cref="Check"/>), because not every caller is the gateway and only the
/// ledger knows the tenant's today.
/// </summary>
public static class CommandChecks
{
    // A "today" no calendar rule can bite on (every record date, due date and year lies before it), so
    // a shape check judges no date against a day: a second, different today would refuse what the
    // tenant's calendar accepts, or the other way round.
    private static readonly DateOnly NoCalendar = new(9000, 1, 1);

    /// <summary>
    /// Checks an append command's shape — ids, required fields, lengths, counts, choices, evidence —
    /// but no date against today; field paths are those of the API's request.
    /// </summary>
    public static Violations CheckShape(AppendCommand command, Violations? found = null) => Check(command, NoCalendar, found);

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
