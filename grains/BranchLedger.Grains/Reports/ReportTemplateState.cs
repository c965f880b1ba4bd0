using BranchLedger.Contracts.Reports;

namespace BranchLedger.Grains.Reports;

/// <summary>What a tenant's report-template grain persists.</summary>
[GenerateSerializer, Alias("branchledger.state.ReportTemplates.v1")]
public sealed class ReportTemplateState
{
    /// <summary>Every adopted version, oldest first (version n at index n − 1).</summary>
    [Id(0)] public List<ReportTemplateVersion> Versions { get; set; } = [];

    /// <summary>The draft being worked on, if any.</summary>
    [Id(1)] public ReportTemplateDraft? Draft { get; set; }

    /// <summary>How many drafts were saved (the last draft's revision).</summary>
    [Id(2)] public int DraftRevisions { get; set; }

    /// <summary>The preamble per report year.</summary>
    [Id(3)] public Dictionary<int, ReportPreamble> Preambles { get; set; } = [];
}
