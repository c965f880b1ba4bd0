using BranchLedger.Api.V1;

namespace BranchLedger.Cli;

/// <summary>One line per ledger record for <c>records list</c>: its date first, then what it says, enum values in the reports' Chinese labels.</summary>
internal static class RecordText
{
    public static string Describe(LedgerRecord r) => r.BodyCase switch
    {
        LedgerRecord.BodyOneofCase.Meeting =>
            $"{Day(r.Meeting.Date)} {Labels.Of(r.Meeting.Kind)} {r.Meeting.Attendees}/{r.Meeting.ExpectedAttendees} {r.Meeting.Topic}",
        LedgerRecord.BodyOneofCase.Talk => r.Talk.Kind == TalkKind.HeartToHeart
            ? $"{Day(r.Talk.Date)} {Labels.Of(r.Talk.Kind)} {r.Talk.PersonA}–{r.Talk.PersonB} {r.Talk.Topic}"
            : $"{Day(r.Talk.Date)} {Labels.Of(r.Talk.Kind)} {r.Talk.People} {r.Talk.Topic}",
        LedgerRecord.BodyOneofCase.QuarterlyReview => $"{Day(r.QuarterlyReview.Date)} {r.QuarterlyReview.Topic} ({r.QuarterlyReview.Reporter})",
        LedgerRecord.BodyOneofCase.CommunityService =>
            $"{Day(r.CommunityService.Date)} {Labels.Of(r.CommunityService.Kind)} {r.CommunityService.Members} {r.CommunityService.Community} {r.CommunityService.Topic}",
        LedgerRecord.BodyOneofCase.RiskPoint => $"{Day(r.RiskPoint.Date)} {r.RiskPoint.RiskPoint_} ({r.RiskPoint.Measures.Count} measures)",
        LedgerRecord.BodyOneofCase.BrandProject => $"{Day(r.BrandProject.Date)} {r.BrandProject.Name} {Labels.Of(r.BrandProject.Status)} {Labels.Of(r.BrandProject.Level)}",
        LedgerRecord.BodyOneofCase.Honour => $"{Day(r.Honour.Date)} {r.Honour.Title}: {r.Honour.Recipient} {Labels.Of(r.Honour.Level)} ({r.Honour.AwardedBy})",
        LedgerRecord.BodyOneofCase.Campaign => $"{Day(r.Campaign.Date)} {r.Campaign.Name} {Labels.Of(r.Campaign.Status)}",
        LedgerRecord.BodyOneofCase.SelfAssessment =>
            $"{Day(r.SelfAssessment.Date)} {r.SelfAssessment.Year} {Labels.Of(r.SelfAssessment.Section)} {r.SelfAssessment.Order}: {r.SelfAssessment.Text}",
        LedgerRecord.BodyOneofCase.DutyItem =>
            $"{Day(r.DutyItem.Date)} {r.DutyItem.DutyId} due {Day(r.DutyItem.Due)} {r.DutyItem.Owner}: {r.DutyItem.Duty}",
        LedgerRecord.BodyOneofCase.DutyProgress => $"{Day(r.DutyProgress.Date)} {r.DutyProgress.DutyId} {Labels.Of(r.DutyProgress.Status)} {r.DutyProgress.Verifier}",
        LedgerRecord.BodyOneofCase.Finding =>
            $"{Day(r.Finding.Date)} {r.Finding.FindingId} {Labels.Of(r.Finding.Type)} deadline {Day(r.Finding.Deadline)}: {r.Finding.Finding_}",
        LedgerRecord.BodyOneofCase.FindingProgress => $"{Day(r.FindingProgress.Date)} {r.FindingProgress.FindingId} {r.FindingProgress.Progress}",
        LedgerRecord.BodyOneofCase.FindingClosure => $"{Day(r.FindingClosure.Date)} {r.FindingClosure.FindingId} closed, verified by {r.FindingClosure.Verifier}",
        LedgerRecord.BodyOneofCase.FindingReopening => $"{Day(r.FindingReopening.Date)} {r.FindingReopening.FindingId} reopened: {r.FindingReopening.Reason}",
        LedgerRecord.BodyOneofCase.Correction => $"corrects {r.Correction.RecordId}: {r.Correction.Reason}",
        LedgerRecord.BodyOneofCase.Review =>
            $"reviews {r.Review.RecordId}: {(r.Review.Verdict == ReviewVerdict.Returned ? "退回" : "已阅")} {r.Review.Reason}".TrimEnd(),
        _ => ByName(r),
    };

    // Kinds added through the record catalogue: the date, then every other field but the notes, enums in Chinese.
    private static string ByName(LedgerRecord r)
    {
        if (LedgerRecord.Descriptor.FindFieldByNumber((int)r.BodyCase) is not { FieldType: Google.Protobuf.Reflection.FieldType.Message } field)
        {
            return r.ToString();
        }

        var body = (Google.Protobuf.IMessage)field.Accessor.GetValue(r);
        var parts = body.Descriptor.Fields.InDeclarationOrder()
            .Where(f => f.Name is not "date" and not "notes")
            .Select(f => f.Accessor.GetValue(body) switch
            {
                Enum e => Reports.LedgerLabels.Zh.Enums.GetValueOrDefault($"{e.GetType().Name}.{e}", e.ToString()),
                System.Collections.IEnumerable list and not string => string.Join("|", list.Cast<object>()),
                var v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "",
            })
            .Where(t => t.Length > 0);
        return $"{Day(body.Descriptor.FindFieldByName("date")?.Accessor.GetValue(body) as Google.Type.Date)} {string.Join(" ", parts)}";
    }

    private static string Day(Google.Type.Date? d) => d is null ? "-" : $"{d.Year:D4}-{d.Month:D2}-{d.Day:D2}";
}
