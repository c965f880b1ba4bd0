using BranchLedger.Contracts.Ledger;
using BranchLedger.Domain.Warnings;
using BranchLedger.Reports;

namespace BranchLedger.Gateway.Services;

/// <summary>A ledger record as an export row: the family's own fields in column order (keys of labels.zh.json).</summary>
internal static class LedgerRows
{
    public static LedgerRow Of(RecordView view, string nodeName, LedgerLabels labels) => new(
        view.Current.Family, nodeName, view.Record.RecordId, view.Current.Date, view.Status.ToString(),
        view.Record.RecordedBy, view.Record.RecordedAt, view.Current.Notes, Details(view.Current, labels));

    private static List<KeyValuePair<string, object?>> Details(RecordBody body, LedgerLabels l) => body switch
    {
        MeetingDetails m =>
        [
            new("kind", l.Of(m.Kind)), new("topic", m.Topic), new("attendees", m.Attendees), new("expected_attendees", m.ExpectedAttendees),
            new("first_agenda_item", l.Of(m.FirstAgendaItem)), new("lecturer", m.Lecturer), new("lectured_by_secretary", l.Of(m.LecturedBySecretary)),
            new("chair", m.Chair), new("chaired_by_secretary", l.Of(m.ChairedBySecretary)),
            new("lectured_by_party_group_secretary", l.Of(m.LecturedByPartyGroupSecretary)), new("secretary_as_member", l.Of(m.SecretaryAsMember)),
            new("topics", string.Join("；", m.Topics)),
        ],
        TalkDetails t => [new("kind", l.Of(t.Kind)), new("topic", t.Topic), new("people", t.People), new("person_a", t.PersonA), new("person_b", t.PersonB)],
        QuarterlyReviewDetails q => [new("topic", q.Topic), new("reporter", q.Reporter), new("mechanism", q.Mechanism)],
        CommunityServiceDetails c => [new("kind", l.Of(c.Kind)), new("topic", c.Topic), new("members", c.Members), new("community", c.Community), new("roster_size", c.RosterSize)],
        RiskPointDetails r => [new("risk_point", r.RiskPoint), new("measure_count", r.Measures.Count), new("measures", string.Join("；", r.Measures))],
        BrandProjectDetails b => [new("name", b.Name), new("level", l.Of(b.Level)), new("brand_status", l.Of(b.Status))],
        HonourDetails h =>
            [new("title", h.Title), new("recipient", h.Recipient), new("recipient_kind", l.Of(h.RecipientKind)), new("level", l.Of(h.Level)), new("awarded_by", h.AwardedBy)],
        CampaignDetails c => [new("name", c.Name), new("campaign_status", l.Of(c.Status))],
        SelfAssessmentDetails s => [new("year", s.Year), new("section", l.Of(s.Section)), new("order", s.Order), new("text", s.Text)],
        DutyItemDetails d => [new("duty_id", d.DutyId), new("duty", d.Duty), new("actor", d.Actor.DisplayName()), new("owner", d.Owner), new("due", Day(d.Due))],
        DutyProgressDetails p => [new("duty_id", p.DutyId), new("duty_status", l.Of(p.Status)), new("verifier", p.Verifier)],
        FindingDetails f =>
        [
            new("finding_id", f.FindingId), new("source", f.Source), new("finding", f.Finding), new("measures", string.Join("；", f.Measures)),
            new("responsible_person", f.ResponsiblePerson), new("responsible_leader", f.ResponsibleLeader),
            new("remediation_type", l.Of(f.Type)), new("deadline", f.Deadline is { } d ? Day(d) : ""),
        ],
        FindingProgressDetails p => [new("finding_id", p.FindingId), new("progress", p.Progress)],
        FindingClosureDetails c => [new("finding_id", c.FindingId), new("verifier", c.Verifier)],
        FindingReopeningDetails r => [new("finding_id", r.FindingId), new("reason", r.Reason)],
        CorrectionDetails c => [new("target", LedgerRecord.IdOf(c.TargetSequence)), new("reason", c.Reason)],
        ReviewDetails r => [new("target", LedgerRecord.IdOf(r.TargetSequence)), new("reason", r.Reason)],
        // Kinds added through the record catalogue: their catalogue fields, by name.
        _ => CatalogueMapping.Row(body, l),
    };

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
