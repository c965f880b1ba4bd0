using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Contracts.Ledger;

/// <summary>One ordered paragraph of the annual self-assessment: a problem, a cause or a next step.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.SelfAssessmentDetails")]
public sealed record SelfAssessmentDetails : RecordBody
{
    /// <summary>The year assessed.</summary>
    [Id(0)] public required int Year { get; init; }

    /// <summary>Problem, cause or next step.</summary>
    [Id(1)] public required SelfAssessmentSection Section { get; init; }

    /// <summary>The paragraph's place within its section, from 1.</summary>
    [Id(2)] public required int Order { get; init; }

    /// <summary>The paragraph.</summary>
    [Id(3)] public required string Text { get; init; }

    /// <inheritdoc />
    public override string Family => "self_assessment";

    /// <inheritdoc />
    protected override void CheckDetails(Violations violations, string prefix, DateOnly today)
    {
        violations
            .Date(prefix + "date", Date, today)
            .Kind(prefix + "section", Section)
            .Text(prefix + "text", Text, RecordRules.MaxNotesLength, required: true);
        if (Year < RecordRules.EarliestDate.Year || Year > today.Year + 1)
        {
            violations.Add(prefix + "year", $"must be between {RecordRules.EarliestDate.Year} and next year");
        }

        if (Order is < 1 or > 100)
        {
            violations.Add(prefix + "order", "must be between 1 and 100");
        }
    }
}
