namespace BranchLedger.Contracts.Reports;

/// <summary>A tenant's draft of its annual-report template: one at a time, replaced by every save.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.ReportTemplateDraft")]
public sealed record ReportTemplateDraft
{
    /// <summary>1, 2, … per save of the tenant; adopting names the revision previewed, so a later save is never adopted unseen.</summary>
    [Id(0)] public required int Revision { get; init; }

    /// <summary>The template JSON, as checked by the gateway.</summary>
    [Id(1)] public required string Json { get; init; }

    /// <summary>When it was saved.</summary>
    [Id(2)] public required DateTimeOffset SavedAt { get; init; }

    /// <summary>Who saved it.</summary>
    [Id(3)] public required string SavedBy { get; init; }

    /// <summary>The request id that saved it.</summary>
    [Id(4)] public required string RequestId { get; init; }
}

/// <summary>One adopted version of a tenant's template. Versions never change once adopted.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.ReportTemplateVersion")]
public sealed record ReportTemplateVersion
{
    /// <summary>1, 2, … per tenant, in adoption order.</summary>
    [Id(0)] public required int Version { get; init; }

    /// <summary>The template JSON.</summary>
    [Id(1)] public required string Json { get; init; }

    /// <summary>When it was adopted.</summary>
    [Id(2)] public required DateTimeOffset AdoptedAt { get; init; }

    /// <summary>Who adopted it.</summary>
    [Id(3)] public required string AdoptedBy { get; init; }

    /// <summary>The request id that adopted it.</summary>
    [Id(4)] public required string RequestId { get; init; }

    /// <summary>The draft revision it was adopted from.</summary>
    [Id(5)] public required int DraftRevision { get; init; }
}

/// <summary>The office's preamble of one year's report (free text, plain).</summary>
[GenerateSerializer, Immutable, Alias("branchledger.ReportPreamble")]
public sealed record ReportPreamble
{
    /// <summary>The report year.</summary>
    [Id(0)] public required int Year { get; init; }

    /// <summary>The text; empty when cleared.</summary>
    [Id(1)] public required string Text { get; init; }

    /// <summary>When it was set.</summary>
    [Id(2)] public required DateTimeOffset SetAt { get; init; }

    /// <summary>Who set it.</summary>
    [Id(3)] public required string SetBy { get; init; }

    /// <summary>The request id that set it.</summary>
    [Id(4)] public required string RequestId { get; init; }
}

/// <summary>Save the tenant's draft (already checked against the template rules).</summary>
[GenerateSerializer, Immutable, Alias("branchledger.SaveReportTemplateDraftCommand")]
public sealed record SaveReportTemplateDraftCommand(
    [property: Id(0)] string Json,
    [property: Id(1)] string RequestId,
    [property: Id(2)] string By);

/// <summary>Adopt the draft of <paramref name="DraftRevision"/> as the next version.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.AdoptReportTemplateCommand")]
public sealed record AdoptReportTemplateCommand(
    [property: Id(0)] int DraftRevision,
    [property: Id(1)] string RequestId,
    [property: Id(2)] string By);

/// <summary>Set (or, with empty text, clear) a year's preamble.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.SetReportPreambleCommand")]
public sealed record SetReportPreambleCommand(
    [property: Id(0)] int Year,
    [property: Id(1)] string Text,
    [property: Id(2)] string RequestId,
    [property: Id(3)] string By);

/// <summary>A saved draft, and whether the request id had saved it before.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.ReportTemplateDraftResult")]
public sealed record ReportTemplateDraftResult([property: Id(0)] ReportTemplateDraft Draft, [property: Id(1)] bool Replayed);

/// <summary>An adopted version, and whether the request id had adopted it before.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.ReportTemplateAdoptResult")]
public sealed record ReportTemplateAdoptResult([property: Id(0)] ReportTemplateVersion Version, [property: Id(1)] bool Replayed);

/// <summary>A set preamble, and whether the request id had set it before.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.ReportPreambleResult")]
public sealed record ReportPreambleResult([property: Id(0)] ReportPreamble Preamble, [property: Id(1)] bool Replayed);

/// <summary>What a report of one year is written with: a tenant version (null: the platform default) and the year's preamble.</summary>
[GenerateSerializer, Immutable, Alias("branchledger.ReportWording")]
public sealed record ReportWording([property: Id(0)] ReportTemplateVersion? Template, [property: Id(1)] string? Preamble);

/// <summary>
/// A tenant's report wording: the draft, the adopted template versions and the preamble per year.
/// Keyed by the tenant (<see cref="GrainKeys.Tenant"/>). The gateway checks a template against the
/// reports library's rules before saving; the grain numbers, stores and answers retries.
/// </summary>
public interface IReportTemplateGrain : ITenantOwnedGrain
{
    /// <summary>Replaces the draft; the same request id with the same JSON is answered "replayed".</summary>
    Task<ReportTemplateDraftResult> SaveDraft(SaveReportTemplateDraftCommand command);

    /// <summary>The draft, if any (adopting one clears it).</summary>
    Task<ReportTemplateDraft?> GetDraft();

    /// <summary>Adopts the draft as the next version.</summary>
    /// <exception cref="Errors.PreconditionFailedException">NO_DRAFT, DRAFT_CHANGED or TOO_MANY_VERSIONS.</exception>
    Task<ReportTemplateAdoptResult> Adopt(AdoptReportTemplateCommand command);

    /// <summary>Version <paramref name="version"/>, or the version in force for 0 (null: none, the platform default is in force).</summary>
    Task<ReportTemplateVersion?> GetVersion(int version);

    /// <summary>Every version, oldest first.</summary>
    Task<IReadOnlyList<ReportTemplateVersion>> ListVersions();

    /// <summary>Sets a year's preamble.</summary>
    Task<ReportPreambleResult> SetPreamble(SetReportPreambleCommand command);

    /// <summary>A year's preamble, if the office wrote one.</summary>
    Task<ReportPreamble?> GetPreamble(int year);

    /// <summary>The wording of a report of <paramref name="year"/> with <paramref name="version"/> (0: the version in force).</summary>
    /// <exception cref="Errors.NotFoundException">when the tenant has no such version.</exception>
    Task<ReportWording> GetWording(int version, int year);
}
