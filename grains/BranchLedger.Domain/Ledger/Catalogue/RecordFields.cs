namespace BranchLedger.Domain.Ledger.Catalogue;

/// <summary>
/// The fields of every record body and their limits: the one place the domain's rules and the record
/// catalogue (and so every form and the API's ListRecordKinds) take field names and limits from.
/// A new field on a built-in record is added here, checked by its rule, and described in <see cref="RecordCatalogue"/>;
/// a kind with an entry of its own (<see cref="RecordKindEntry"/>) names its fields in its entry.
/// </summary>
public static class RecordFields
{
    /// <summary>The day a record is about; every body has it.</summary>
    public static readonly FieldRule Date = new("date", FieldType.Date, Required: true);

    /// <summary>Notes or minutes; every body but the self-assessment paragraph has them.</summary>
    public static readonly FieldRule Notes = new("notes", FieldType.LongText, MaxLength: RecordRules.MaxNotesLength);

    private static FieldRule Title(string name, bool required = true) => new(name, FieldType.Text, required, RecordRules.MaxTitleLength);

    private static FieldRule Name(string name, bool required = false) => new(name, FieldType.Text, required, RecordRules.MaxNameLength);

    private static FieldRule Long(string name) => new(name, FieldType.LongText, Required: true, MaxLength: RecordRules.MaxNotesLength);

    private static FieldRule People(string name, int min = 0) => new(name, FieldType.WholeNumber, Min: min, Max: RecordRules.MaxPeople);

    private static FieldRule Choice(string name) => new(name, FieldType.Choice, Required: true);

    private static FieldRule Measures() =>
        new("measures", FieldType.TextList, Required: true, MaxLength: RecordRules.MaxNotesLength, MaxItems: RecordRules.MaxListItems);

    private static FieldRule Id(string name) => new(name, FieldType.Identifier, Required: true, MaxLength: 63);

    /// <summary>会议学习.</summary>
    public static class Meeting
    {
        public static readonly FieldRule Kind = Choice("kind");
        public static readonly FieldRule Topic = Title("topic");
        public static readonly FieldRule Attendees = People("attendees");
        public static readonly FieldRule ExpectedAttendees = People("expected_attendees");
        public static readonly FieldRule FirstAgendaItem = new("first_agenda_item", FieldType.YesNo);
        public static readonly FieldRule Lecturer = Name("lecturer");
        public static readonly FieldRule LecturedBySecretary = new("lectured_by_secretary", FieldType.YesNo);
        public static readonly FieldRule Absences = new("absences", FieldType.Attendance, MaxItems: AttendanceRules.MaxEntries);
        public static readonly FieldRule AttendeeNames = new("attendee_names", FieldType.Attendance, MaxLength: RecordRules.MaxNameLength, MaxItems: AttendanceRules.MaxEntries);
        public static readonly FieldRule Chair = Name("chair");
        public static readonly FieldRule ChairedBySecretary = new("chaired_by_secretary", FieldType.YesNo);
        public static readonly FieldRule LecturedByPartyGroupSecretary = new("lectured_by_party_group_secretary", FieldType.YesNo);
        public static readonly FieldRule SecretaryAsMember = new("secretary_as_member", FieldType.YesNo);
        /// <summary>What was studied (党的二十大精神, …): optional, up to 50 entries of a title's length.</summary>
        public static readonly FieldRule Topics = new("topics", FieldType.TextList, MaxLength: RecordRules.MaxTitleLength, MaxItems: MaxTopics);
    }

    /// <summary>The most study topics a meeting records.</summary>
    public const int MaxTopics = 50;

    /// <summary>谈话.</summary>
    public static class Talk
    {
        public static readonly FieldRule Kind = Choice("kind");
        public static readonly FieldRule Topic = Title("topic");
        /// <summary>Required (at least 1) for every talk but heart-to-heart ones.</summary>
        public static readonly FieldRule People = new("people", FieldType.WholeNumber, Required: true, Min: 1, Max: RecordRules.MaxPeople);
        public static readonly FieldRule PersonA = Name("person_a", required: true);
        public static readonly FieldRule PersonB = Name("person_b", required: true);
    }

    /// <summary>党建工作汇报.</summary>
    public static class QuarterlyReview
    {
        public static readonly FieldRule Topic = Title("topic");
        public static readonly FieldRule Reporter = Name("reporter");
        /// <summary>The working mechanism it was heard through (通过“…”工作机制); optional.</summary>
        public static readonly FieldRule Mechanism = Name("mechanism");
    }

    /// <summary>社区服务.</summary>
    public static class CommunityService
    {
        public static readonly FieldRule Kind = Choice("kind");
        public static readonly FieldRule Topic = Title("topic");
        public static readonly FieldRule Members = People("members");
        public static readonly FieldRule Community = Name("community");
        /// <summary>Members reporting only: the in-service members on the roster, so the report can say 全部.</summary>
        public static readonly FieldRule RosterSize = People("roster_size");
    }

    /// <summary>廉政风险防控.</summary>
    public static class RiskPoint
    {
        public static readonly FieldRule Point = Title("risk_point");
        public static readonly FieldRule Measures = RecordFields.Measures();
    }

    /// <summary>党建品牌.</summary>
    public static class BrandProject
    {
        public static readonly FieldRule Name = Title("name");
        public static readonly FieldRule Level = Choice("level");
        public static readonly FieldRule Status = Choice("status");
    }

    /// <summary>荣誉典型.</summary>
    public static class Honour
    {
        public static readonly FieldRule Title = RecordFields.Title("title");
        public static readonly FieldRule Recipient = Name("recipient", required: true);
        public static readonly FieldRule RecipientKind = Choice("recipient_kind");
        public static readonly FieldRule Level = Choice("level");
        public static readonly FieldRule AwardedBy = Name("awarded_by");
    }

    /// <summary>创建活动.</summary>
    public static class Campaign
    {
        public static readonly FieldRule Name = Title("name");
        public static readonly FieldRule Status = Choice("status");
        public static readonly FieldRule Level = Choice("level");
    }

    /// <summary>述职自评 (one paragraph).</summary>
    public static class SelfAssessment
    {
        /// <summary>From the earliest ledger year to next year (the upper bound moves with today).</summary>
        public static readonly FieldRule Year = new("year", FieldType.WholeNumber, Required: true, Min: RecordRules.EarliestDate.Year);
        public static readonly FieldRule Section = Choice("section");
        public static readonly FieldRule Order = new("order", FieldType.WholeNumber, Required: true, Min: 1, Max: 100);
        public static readonly FieldRule Text = Long("text");
    }

    /// <summary>责任清单.</summary>
    public static class DutyItem
    {
        public static readonly FieldRule DutyId = Id("duty_id");
        public static readonly FieldRule Duty = Long("duty");
        public static readonly FieldRule Actor = Choice("actor");
        public static readonly FieldRule Owner = Name("owner", required: true);
        public static readonly FieldRule Due = new("due", FieldType.Date, Required: true);
    }

    /// <summary>责任清单进展.</summary>
    public static class DutyProgress
    {
        public static readonly FieldRule DutyId = Id("duty_id");
        public static readonly FieldRule Status = Choice("status");
        /// <summary>Required when the status is verified.</summary>
        public static readonly FieldRule Verifier = Name("verifier", required: true);
    }

    /// <summary>巡察问题.</summary>
    public static class Finding
    {
        public static readonly FieldRule FindingId = Id("finding_id");
        public static readonly FieldRule Source = Title("source");
        public static readonly FieldRule Description = Long("finding");
        public static readonly FieldRule Measures = RecordFields.Measures();
        public static readonly FieldRule ResponsiblePerson = Name("responsible_person", required: true);
        public static readonly FieldRule ResponsibleLeader = Name("responsible_leader");
        public static readonly FieldRule Type = Choice("type");
        /// <summary>Required for 立行立改 and 限期整改; refused for 长期坚持.</summary>
        public static readonly FieldRule Deadline = new("deadline", FieldType.Date, Required: true);
    }

    /// <summary>整改进展, 整改销号 and 问题重开: steps on a raised finding.</summary>
    public static class FindingStep
    {
        public static readonly FieldRule FindingId = Id("finding_id");
        public static readonly FieldRule Progress = Long("progress");
        public static readonly FieldRule Verifier = Name("verifier", required: true);
        public static readonly FieldRule Reason = Title("reason");
    }
}
