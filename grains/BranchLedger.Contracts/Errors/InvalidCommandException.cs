namespace BranchLedger.Contracts.Errors;

/// <summary>A command was refused before anything was written.</summary>
[GenerateSerializer, Alias("branchledger.InvalidCommandException")]
public sealed class InvalidCommandException : Exception
{
    /// <summary>Creates the exception for the fields at fault.</summary>
    public InvalidCommandException(IReadOnlyList<FieldError> errors)
        : base("The command is invalid: " + string.Join("; ", errors.Select(e => $"{e.Field} {e.Description}")))
    {
        Errors = errors;
    }

    /// <summary>The fields at fault.</summary>
    [Id(0)] public IReadOnlyList<FieldError> Errors { get; }
}
