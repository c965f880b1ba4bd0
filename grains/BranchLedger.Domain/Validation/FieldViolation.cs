namespace BranchLedger.Domain.Validation;

/// <summary>One reason why one field of a request is not acceptable.</summary>
/// <param name="Field">The field's path as the API names it, e.g. <c>meeting.topic</c>.</param>
/// <param name="Description">What is wrong, for a person to read.</param>
public sealed record FieldViolation(string Field, string Description);
