using BranchLedger.Contracts.Errors;
using BranchLedger.Contracts.Reports;

namespace BranchLedger.Grains.Reports;

/// <summary>
/// A tenant's report wording (see <see cref="IReportTemplateGrain"/>). Shaped like the rubric catalog:
/// versions numbered in adoption order and never changed, a retried write answered from what is held,
/// and a failed save undone in memory so the grain never answers from a state that is not durable.
/// The template JSON is checked at the gateway with the reports library's rules before it gets here.
/// </summary>
public sealed class ReportTemplateGrain(
    [PersistentState(stateName: ReportTemplateGrain.StateName, storageName: StorageNames.Ledger)] IPersistentState<ReportTemplateState> store,
    TimeProvider clock) : Grain, IReportTemplateGrain
{
    /// <summary>The state name (ADO.NET storage keys rows by state name, so it is unique per grain class).</summary>
    public const string StateName = "report-templates";

    /// <summary>
    /// The most versions a tenant keeps. The state is written whole, and a body rewords its report a few
    /// times a year at most, so the cap bounds a write without limiting real use.
    /// </summary>
    public const int MaxVersions = 200;

    private ReportTemplateState State => store.State;

    /// <inheritdoc />
    public async Task<ReportTemplateDraftResult> SaveDraft(SaveReportTemplateDraftCommand command)
    {
        if (State.Draft is { } current && current.RequestId == command.RequestId)
        {
            return current.Json == command.Json ? new(current, true) : throw new RequestIdConflictException(command.RequestId);
        }

        if (State.Versions.Exists(v => v.RequestId == command.RequestId))
        {
            throw new RequestIdConflictException(command.RequestId);
        }

        var before = (State.Draft, State.DraftRevisions);
        var draft = new ReportTemplateDraft
        {
            Revision = State.DraftRevisions + 1, Json = command.Json, SavedAt = clock.GetUtcNow(), SavedBy = command.By, RequestId = command.RequestId,
        };
        (State.Draft, State.DraftRevisions) = (draft, draft.Revision);
        await WriteOrUndo(() => (State.Draft, State.DraftRevisions) = before);
        return new(draft, false);
    }

    /// <inheritdoc />
    public Task<ReportTemplateDraft?> GetDraft() => Task.FromResult(State.Draft);

    /// <inheritdoc />
    public async Task<ReportTemplateAdoptResult> Adopt(AdoptReportTemplateCommand command)
    {
        if (State.Versions.Find(v => v.RequestId == command.RequestId) is { } earlier)
        {
            return earlier.DraftRevision == command.DraftRevision ? new(earlier, true) : throw new RequestIdConflictException(command.RequestId);
        }

        var draft = State.Draft
            ?? throw new PreconditionFailedException("NO_DRAFT", "draft_revision", "There is no draft to adopt: save one first.");
        if (draft.Revision != command.DraftRevision)
        {
            throw new PreconditionFailedException("DRAFT_CHANGED", "draft_revision",
                $"The draft is at revision {draft.Revision}, not {command.DraftRevision}: preview the current draft, then adopt it by its revision.");
        }

        if (State.Versions.Count >= MaxVersions)
        {
            throw new PreconditionFailedException("TOO_MANY_VERSIONS", "draft_revision", $"A tenant keeps at most {MaxVersions} template versions.");
        }

        var version = new ReportTemplateVersion
        {
            Version = State.Versions.Count + 1, Json = draft.Json, AdoptedAt = clock.GetUtcNow(), AdoptedBy = command.By,
            RequestId = command.RequestId, DraftRevision = draft.Revision,
        };
        State.Versions.Add(version);
        State.Draft = null;
        await WriteOrUndo(() =>
        {
            State.Versions.RemoveAt(State.Versions.Count - 1);
            State.Draft = draft;
        });
        return new(version, false);
    }

    /// <inheritdoc />
    public Task<ReportTemplateVersion?> GetVersion(int version) => Task.FromResult(VersionAt(version == 0 ? State.Versions.Count : version));

    /// <inheritdoc />
    public Task<IReadOnlyList<ReportTemplateVersion>> ListVersions() => Task.FromResult<IReadOnlyList<ReportTemplateVersion>>([.. State.Versions]);

    /// <inheritdoc />
    public async Task<ReportPreambleResult> SetPreamble(SetReportPreambleCommand command)
    {
        var before = State.Preambles.GetValueOrDefault(command.Year);
        if (before is not null && before.RequestId == command.RequestId)
        {
            return before.Text == command.Text ? new(before, true) : throw new RequestIdConflictException(command.RequestId);
        }

        var preamble = new ReportPreamble { Year = command.Year, Text = command.Text, SetAt = clock.GetUtcNow(), SetBy = command.By, RequestId = command.RequestId };
        State.Preambles[command.Year] = preamble;
        await WriteOrUndo(() =>
        {
            if (before is null)
            {
                State.Preambles.Remove(command.Year);
            }
            else
            {
                State.Preambles[command.Year] = before;
            }
        });
        return new(preamble, false);
    }

    /// <inheritdoc />
    public Task<ReportPreamble?> GetPreamble(int year) => Task.FromResult(State.Preambles.GetValueOrDefault(year));

    /// <inheritdoc />
    public Task<ReportWording> GetWording(int version, int year)
    {
        var template = version == 0
            ? VersionAt(State.Versions.Count)
            : VersionAt(version) ?? throw new NotFoundException("branchledger.v1.ReportTemplateVersion", version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"The tenant has no report template version {version}.");
        var preamble = State.Preambles.GetValueOrDefault(year)?.Text;
        return Task.FromResult(new ReportWording(template, string.IsNullOrEmpty(preamble) ? null : preamble));
    }

    private ReportTemplateVersion? VersionAt(int version) => version >= 1 && version <= State.Versions.Count ? State.Versions[version - 1] : null;

    private async Task WriteOrUndo(Action undo)
    {
        try
        {
            await store.WriteStateAsync();
        }
        catch (Exception ex)
        {
            undo();
            throw new StorageUnavailableException($"The report templates could not be saved; nothing changed. Retry with the same request id. ({ex.GetType().Name})");
        }
    }
}
