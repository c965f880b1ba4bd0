namespace BranchLedger.Domain.Rankings;

/// <summary>One indicator of a branch's score, as a ranking holds it.</summary>
/// <param name="IndicatorId">The rubric's id of the indicator.</param>
/// <param name="Raw">The measured value (e.g. meetings held), for display.</param>
/// <param name="Points">The points it earned; rankings by indicator order on these.</param>
/// <param name="MaxPoints">The most points it can earn.</param>
/// <param name="Assessable">False when the indicator does not apply to the branch; it then takes no part in that indicator's ranking or distribution.</param>
public readonly record struct IndicatorValue(string IndicatorId, double Raw, double Points, double MaxPoints, bool Assessable);
