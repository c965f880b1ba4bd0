using BranchLedger.Domain.Ledger;

namespace BranchLedger.Domain.Reports;

/// <summary>A current meeting or study-session record.</summary>
/// <param name="NodeId">The node whose ledger holds it.</param>
/// <param name="Sequence">Its sequence number there.</param>
/// <param name="Kind">What kind of meeting it was.</param>
/// <param name="Date">The day it was held.</param>
/// <param name="LecturedBySecretary">For a party lecture: true when the secretary gave it.</param>
/// <param name="ChairedBySecretary">True when the party-group secretary chaired it (主持召开).</param>
/// <param name="LecturedByPartyGroupSecretary">For a party lecture: true when the party-group secretary gave it as an invited lecturer.</param>
/// <param name="SecretaryAsMember">True when the party-group secretary took part as an ordinary member (双重组织生活).</param>
/// <param name="Lecturer">Who lectured, as recorded (the report names a special lecture's: 邀请市委党校教授…); empty when not recorded.</param>
public sealed record MeetingFact(string NodeId, long Sequence, MeetingKind Kind, DateOnly Date, bool LecturedBySecretary = false,
    bool ChairedBySecretary = false, bool LecturedByPartyGroupSecretary = false, bool SecretaryAsMember = false, string Lecturer = "")
{
    /// <summary>What was studied (党的二十大精神, …), in recorded order; the report names those of the meetings the party-group secretary chaired.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];
}
