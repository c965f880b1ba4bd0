using BranchLedger.Domain.Ledger.Catalogue;
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
            .Choice(prefix, RecordFields.SelfAssessment.Section, Section)
            .Text(prefix, RecordFields.SelfAssessment.Text, Text);
        var year = RecordFields.SelfAssessment.Year;
        if (Year < year.Min || Year > today.Year + 1)
        {
            violations.Add(prefix + year.Name, $"must be between {year.Min} and next year");
        }

        var order = RecordFields.SelfAssessment.Order;
        if (Order < order.Min || Order > order.Max)
        {
            violations.Add(prefix + order.Name, $"must be between {order.Min} and {order.Max}");
        }
    }
}
