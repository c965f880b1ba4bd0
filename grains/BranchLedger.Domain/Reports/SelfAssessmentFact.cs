using BranchLedger.Domain.Ledger;

namespace BranchLedger.Domain.Reports;

/// <summary>One entry of the annual self-assessment (存在问题 / 原因分析 / 下一步措施).</summary>
/// <param name="NodeId">The node whose ledger holds it.</param>
/// <param name="Sequence">Its sequence number there.</param>
/// <param name="Year">The year it assesses.</param>
/// <param name="Section">Problem, cause or next step.</param>
/// <param name="Order">Its place within the section.</param>
/// <param name="Text">What it says.</param>
public sealed record SelfAssessmentFact(string NodeId, long Sequence, int Year, SelfAssessmentSection Section, int Order, string Text);
