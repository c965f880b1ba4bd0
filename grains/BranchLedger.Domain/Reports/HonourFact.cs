using BranchLedger.Domain.Ledger;

namespace BranchLedger.Domain.Reports;

/// <summary>An honour or role model (荣誉 / 先进典型).</summary>
/// <param name="NodeId">The node whose ledger holds it.</param>
/// <param name="Sequence">Its sequence number there.</param>
/// <param name="Level">The awarding level.</param>
/// <param name="Recipient">A person or a unit.</param>
/// <param name="Date">The day it was awarded.</param>
/// <param name="Title">The honour's name, e.g. 全国“人民满意的公务员”.</param>
/// <param name="RecipientName">Who received it (a person's or unit's name).</param>
/// <param name="AwardedBy">Who awarded it.</param>
public sealed record HonourFact(string NodeId, long Sequence, RecognitionLevel Level, RecipientKind Recipient, DateOnly Date,
    string Title = "", string RecipientName = "", string AwardedBy = "");
