using BranchLedger.Domain.Warnings;
using F = BranchLedger.Domain.Ledger.Catalogue.RecordFields;

namespace BranchLedger.Domain.Ledger.Catalogue;

/// <summary>
/// The record catalogue: every kind of record a ledger takes and every workflow step on one, with the
/// route that writes it, its fields and its presets. The built-in kinds are listed below (names, limits and
/// conditions from <see cref="RecordFields"/>, labels from labels.zh.json); every other kind is a
/// <see cref="RecordKindEntry"/> in Kinds/, found here by reflection, with its fields, labels and report wording. The API publishes it (ListRecordKinds) so a web app builds
/// every record form from it; tests hold it against the proto and the API's validation.
/// Corrections (void, amend) and reviews are not kinds: an amendment reuses the amended kind's form.
/// </summary>
public static class RecordCatalogue
{
    /// <summary>Every kind described by an entry of its own (Kinds/), in picker order; found by reflection, so no list names them.</summary>
    public static IReadOnlyList<RecordKindEntry> Entries { get; } =
    [
        .. typeof(RecordKindEntry).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(RecordKindEntry)) && !t.IsAbstract)
            .Select(t => (RecordKindEntry)Activator.CreateInstance(t)!)
            .OrderBy(e => e.Order),
    ];

    /// <summary>Every kind and step, in the order a form picker lists them: the built-in ones and the entries, by order.</summary>
    public static IReadOnlyList<RecordKindForm> Kinds { get; } =
    [
        .. BuiltIn().Select((k, i) => (Order: (i + 1) * 10, Form: k))
            .Concat(Entries.Select(e => (e.Order, Form: FromEntry(e))))
            .OrderBy(k => k.Order)
            .Select(k => k.Form),
    ];

    /// <summary>The kind with this id, or null.</summary>
    public static RecordKindForm? Find(string id) => Kinds.FirstOrDefault(k => k.Id == id);

    // The kinds that predate the entries, in picker order: the n-th is at order 10 n (meeting 10, …, finding-reopen 150).
    private static List<RecordKindForm> BuiltIn() =>
    [
        Kind("meeting", "RecordMeeting", "meetings", "meeting", "三会一课、中心组学习、主题党日等会议和学习，一次一条。",
            [
                Field(F.Meeting.Kind, "会议或学习的类别。", choices: Choices<MeetingKind>(levels: MeetingLevels.Of)),
                Field(F.Date, "会议召开的日期。", @default: FormField.Today),
                Field(F.Meeting.Topic, "会议或学习的主题。"),
                Field(F.Meeting.Attendees, "实际参加的党员人数，不能多于应到人数。"),
                Field(F.Meeting.ExpectedAttendees, "应参加的党员人数，用于判断是否达到法定人数；不适用时填 0。"),
                Field(F.Meeting.FirstAgendaItem, "会议是否以“第一议题”学习开始。"),
                Field(F.Meeting.Absences, "按名册勾选的缺席人员及原因（公差、病假、事假、其他）；实到加缺席等于应到。"),
                Field(F.Meeting.AttendeeNames, "按名册勾选的参加人员；单位设置为只记人数时不保存姓名。"),
                Field(F.Meeting.Lecturer, "讲党课或专题辅导的人（专题辅导写报告所称的授课人，如“市委党校教授”）。", when: When(F.Meeting.Kind, MeetingKind.PartyLecture, MeetingKind.SpecialLecture)),
                Field(F.Meeting.LecturedBySecretary, "是否由书记讲党课。", when: When(F.Meeting.Kind, MeetingKind.PartyLecture)),
                Field(F.Meeting.LecturedByPartyGroupSecretary, "是否由党组书记受邀到本支部讲党课（不计入支部书记讲党课）。", when: When(F.Meeting.Kind, MeetingKind.PartyLecture)),
                Field(F.Meeting.Chair, "主持会议的人（姓名）；可不填。"),
                Field(F.Meeting.ChairedBySecretary, "是否由党组书记主持召开。"),
                Field(F.Meeting.SecretaryAsMember, "党组书记是否以普通党员身份参加（双重组织生活）。"),
                Field(F.Meeting.Topics, "学习的内容，每项一行，如“党的二十大精神”；报告写“及时跟进学习…等”。可不填。"),
                Field(F.Notes, "会议记录或纪要。"),
            ],
            [
                Preset("branch-committee-meeting", F.Meeting.Kind, MeetingKind.BranchCommitteeMeeting),
                Preset("small-group-meeting", F.Meeting.Kind, MeetingKind.SmallGroupMeeting),
                Preset("theme-day", F.Meeting.Kind, MeetingKind.ThemeDay),
                Preset("party-lecture", F.Meeting.Kind, MeetingKind.PartyLecture),
                Preset("branch-general-meeting", F.Meeting.Kind, MeetingKind.BranchGeneralMeeting),
            ]),
        Kind("talk", "RecordTalk", "talks", "talk", "廉政谈话、集体谈话、谈话提醒和谈心谈话，一次一条。",
            [
                Field(F.Talk.Kind, "谈话的类别。", choices: Choices<TalkKind>()),
                Field(F.Date, "谈话的日期。", @default: FormField.Today),
                Field(F.Talk.Topic, "谈话的主题。"),
                Field(F.Talk.People, "谈话人次；集体谈话填参加人数。",
                    when: When(F.Talk.Kind, TalkKind.Integrity, TalkKind.Group, TalkKind.Reminder)),
                Field(F.Talk.PersonA, "谈心谈话的一方（姓名）。", when: When(F.Talk.Kind, TalkKind.HeartToHeart)),
                Field(F.Talk.PersonB, "谈心谈话的另一方（姓名），不能与谈话人相同。", when: When(F.Talk.Kind, TalkKind.HeartToHeart)),
                Field(F.Notes, "谈话记录。"),
            ],
            [Preset("heart-to-heart-talk", F.Talk.Kind, TalkKind.HeartToHeart)]),
        Kind("quarterly-review", "RecordQuarterlyReview", "quarterly-reviews", "quarterly_review", "党组听取党建工作汇报，每季度一条。",
            [
                Field(F.Date, "听取汇报的日期。", @default: FormField.Today),
                Field(F.QuarterlyReview.Topic, "汇报的主题。"),
                Field(F.QuarterlyReview.Reporter, "汇报人（姓名）。"),
                Field(F.QuarterlyReview.Mechanism, "通过哪一工作机制听取汇报，写报告中的提法，如 “1+3”工作机制；报告写“通过…，每季度听取一次党建工作汇报”。可不填。"),
                Field(F.Notes, "汇报要点或会议记录。"),
            ], levels: RecordKindEntry.OrganisationOnly),
        Kind("community-service", "RecordCommunityService", "community-services", "community_service", "在职党员到社区报到或参加志愿服务。",
            [
                Field(F.CommunityService.Kind, "报到还是服务活动。", choices: Choices<CommunityServiceKind>()),
                Field(F.Date, "活动的日期。", @default: FormField.Today),
                Field(F.CommunityService.Topic, "活动的主题。"),
                Field(F.CommunityService.Members, "参加的党员人数。"),
                Field(F.CommunityService.Community, "报到或服务的社区。"),
                Field(F.CommunityService.RosterSize, "本单位在职党员总数；与报到人数相等时报告写“全部”。不填时为 0。",
                    when: When(F.CommunityService.Kind, CommunityServiceKind.MembersReporting)),
                Field(F.Notes, "活动情况。"),
            ]),
        Kind("risk-point", "RecordRiskPoint", "risk-points", "risk_point", "排查出的廉政风险点及其防控措施。",
            [
                Field(F.Date, "排查的日期。", @default: FormField.Today),
                Field(F.RiskPoint.Point, "风险点的简要描述。"),
                Field(F.RiskPoint.Measures, "防控措施，每条一行。"),
                Field(F.Notes, "补充说明。"),
            ], levels: RecordKindEntry.BranchAndAbove),
        Kind("brand-project", "RecordBrandProject", "brand-projects", "brand_project", "党建品牌的创建和命名情况。",
            [
                Field(F.Date, "登记的日期。", @default: FormField.Today),
                Field(F.BrandProject.Name, "品牌的名称。"),
                Field(F.BrandProject.Level, "命名或创建的级别。", choices: Choices<RecognitionLevel>()),
                Field(F.BrandProject.Status, "品牌目前的状态。", choices: Choices<BrandStatus>(), labelKey: "brand_status"),
                Field(F.Notes, "补充说明。"),
            ], levels: RecordKindEntry.BranchAndAbove),
        Kind("honour", "RecordHonour", "honours", "honour", "获得的荣誉和先进典型。",
            [
                Field(F.Date, "获得荣誉的日期。", @default: FormField.Today),
                Field(F.Honour.Title, "荣誉的名称。"),
                Field(F.Honour.Recipient, "获得荣誉的个人或集体。"),
                Field(F.Honour.RecipientKind, "个人还是集体。", choices: Choices<RecipientKind>()),
                Field(F.Honour.Level, "荣誉的级别。", choices: Choices<RecognitionLevel>()),
                Field(F.Honour.AwardedBy, "授予荣誉的单位。"),
                Field(F.Notes, "补充说明。"),
            ], levels: RecordKindEntry.BranchAndAbove),
        Kind("campaign", "RecordCampaign", "campaigns", "campaign", "模范机关创建等创建活动的进展。",
            [
                Field(F.Date, "登记的日期。", @default: FormField.Today),
                Field(F.Campaign.Name, "创建活动的名称。"),
                Field(F.Campaign.Status, "创建活动目前的状态。", choices: Choices<CampaignStatus>(), labelKey: "campaign_status"),
                Field(F.Campaign.Level, "创建活动的级别。", choices: Choices<RecognitionLevel>()),
                Field(F.Notes, "补充说明。"),
            ], levels: RecordKindEntry.BranchAndAbove),
        Kind("self-assessment", "RecordSelfAssessment", "self-assessments", "self_assessment", "年度述职自评的一段：存在问题、原因分析或下一步措施。",
            [
                Field(F.Date, "撰写的日期。", @default: FormField.Today),
                Field(F.SelfAssessment.Year, "自评的年度，最晚为明年。"),
                Field(F.SelfAssessment.Section, "这一段属于哪一部分。", choices: Choices<SelfAssessmentSection>()),
                Field(F.SelfAssessment.Order, "这一段在该部分中的顺序，从 1 开始。"),
                Field(F.SelfAssessment.Text, "这一段的内容。"),
            ], levels: RecordKindEntry.BranchAndAbove),
        Kind("duty-item", "CreateDutyItem", "duty-items", "duty_item", "在责任清单中列入一项责任。",
            [
                Field(F.Date, "列入清单的日期。", @default: FormField.Today),
                Field(F.DutyItem.DutyId, "本清单内唯一的编号，用小写字母、数字和连字符，以字母开头。"),
                Field(F.DutyItem.Duty, "责任事项的内容。"),
                Field(F.DutyItem.Actor, "由谁承担这项责任。", choices: Choices<ActorClass>(a => a.DisplayName())),
                Field(F.DutyItem.Owner, "责任人（姓名）。"),
                Field(F.DutyItem.Due, "应完成的日期，十年以内。"),
                Field(F.Notes, "补充说明。"),
            ], levels: RecordKindEntry.BranchAndAbove),
        Step("duty-status", "UpdateDutyItemStatus", "duty-items:updateStatus", "duty_progress", F.DutyProgress.DutyId, "推进责任清单中的一项：推进中、已完成、已核验。",
            [
                Field(F.Date, "状态变化的日期。", @default: FormField.Today),
                Field(F.DutyProgress.DutyId, "要推进的责任事项的编号。"),
                Field(F.DutyProgress.Status, "新的状态；核验前须先完成。", choices: Choices<DutyStatus>(), labelKey: "duty_status"),
                Field(F.DutyProgress.Verifier, "核验人（姓名）。", when: When(F.DutyProgress.Status, DutyStatus.Verified)),
                Field(F.Notes, "补充说明。"),
            ], levels: RecordKindEntry.BranchAndAbove),
        Kind("finding", "RaiseFinding", "findings", "finding", "巡察发现的问题及其整改方案。",
            [
                Field(F.Date, "问题提出的日期。", @default: FormField.Today),
                Field(F.Finding.FindingId, "本台账内唯一的编号，用小写字母、数字和连字符，以字母开头。"),
                Field(F.Finding.Source, "问题的来源，如巡察轮次。"),
                Field(F.Finding.Description, "问题的描述。"),
                Field(F.Finding.Measures, "整改措施，每条一行。", label: "整改措施"),
                Field(F.Finding.ResponsiblePerson, "整改责任人（姓名）。"),
                Field(F.Finding.ResponsibleLeader, "分管的责任领导（姓名）。"),
                Field(F.Finding.Type, "整改的方式。", choices: Choices<RemediationType>(), labelKey: "remediation_type"),
                Field(F.Finding.Deadline, "整改应完成的日期；长期坚持的不填。",
                    when: When(F.Finding.Type, RemediationType.FixNow, RemediationType.ByDeadline)),
                Field(F.Notes, "补充说明。"),
            ], levels: RecordKindEntry.BranchAndAbove),
        Step("finding-progress", "RecordFindingProgress", "findings:recordProgress", "finding_progress", F.FindingStep.FindingId, "为尚未销号的问题记录一次整改进展。",
            [
                Field(F.Date, "进展的日期。", @default: FormField.Today),
                Field(F.FindingStep.FindingId, "问题的编号。"),
                Field(F.FindingStep.Progress, "这次的整改进展。"),
                Field(F.Notes, "补充说明。"),
            ], levels: RecordKindEntry.BranchAndAbove),
        Step("finding-close", "CloseFinding", "findings:close", "finding_closure", F.FindingStep.FindingId, "整改完成，经核验后销号。",
            [
                Field(F.Date, "销号的日期。", @default: FormField.Today),
                Field(F.FindingStep.FindingId, "问题的编号。"),
                Field(F.FindingStep.Verifier, "核验人（姓名）。"),
                Field(F.Notes, "补充说明。"),
            ], levels: RecordKindEntry.BranchAndAbove),
        Step("finding-reopen", "ReopenFinding", "findings:reopen", "finding_reopening", F.FindingStep.FindingId, "回头看发现问题反弹，重新打开已销号的问题。",
            [
                Field(F.Date, "重新打开的日期。", @default: FormField.Today),
                Field(F.FindingStep.FindingId, "问题的编号。"),
                Field(F.FindingStep.Reason, "重新打开的原因。"),
                Field(F.Notes, "补充说明。"),
            ], levels: RecordKindEntry.BranchAndAbove),
    ];

    // A field before it knows which body it belongs to; Kind and Step place it.
    private sealed record Draft(FieldRule Rule, string Label, string Help, string? Default, IReadOnlyList<FormChoice> Choices, (FieldRule Field, string[] Values)? When);

    private static Draft Field(FieldRule rule, string help, string? @default = null, IReadOnlyList<FormChoice>? choices = null,
        (FieldRule, string[])? when = null, string? labelKey = null, string? label = null) =>
        new(rule, label ?? Label(labelKey ?? rule.Name), help, @default, choices ?? [], when);

    private static (FieldRule, string[]) When<T>(FieldRule field, params T[] values) where T : struct, Enum =>
        (field, values.Select(ProtoName).ToArray());

    // A preset fixes the kind field of its form; its label is the kind's own label (支委会, 谈心谈话, …).
    private sealed record PresetDraft(string Id, string Label, FieldRule Field, string Value);

    private static PresetDraft Preset<T>(string id, FieldRule field, T value) where T : struct, Enum =>
        new(id, RecordLabels.Shared.Enum(value) ?? throw new InvalidDataException($"labels.zh.json has no label for {typeof(T).Name}.{value}"),
            field, ProtoName(value));

    // levels: the node levels whose ledgers hold it (every level unless given; see RecordKindEntry.NodeLevels).
    private static RecordKindForm Kind(string id, string rpc, string route, string body, string help, Draft[] fields,
        PresetDraft[]? presets = null, IReadOnlyList<Directory.NodeKind>? levels = null) =>
        Form(id, Sheet(body), rpc, route, body, null, help, fields, presets ?? []) with { NodeLevels = levels ?? RecordKindEntry.AllLevels };

    // A kind with an entry of its own: recorded by the generic AppendRecord (POST /v1/nodes/{node_id}/records, the body
    // in the kind's own field), labelled by its entry and reported by the figures and sentence it declares.
    private static RecordKindForm FromEntry(RecordKindEntry entry)
    {
        var drafts = entry.Fields.Select(f => new Draft(
            f.Rule, f.Label, f.Help, f.Default,
            [.. (f.Choices ?? []).Select(c => new FormChoice(ProtoName(c.Value), c.Label))],
            f.When is { } w ? (w.Field, w.Values.Select(v => ProtoName(v)).ToArray()) : null)).ToArray();
        return Form(entry.Id, entry.Label, RecordKindForm.GenericRpc, "records", entry.BodyField, null, entry.Help, drafts, []) with
        {
            Report = entry.Report,
            Sentence = entry.Sentence,
            NodeLevels = entry.NodeLevels,
        };
    }

    // A step is held where the item it moves is: its levels are its item's.
    private static RecordKindForm Step(string id, string rpc, string route, string body, FieldRule target, string help, Draft[] fields,
        IReadOnlyList<Directory.NodeKind>? levels = null) =>
        Form(id, Sheet(body), rpc, route, body, target, help, fields, []) with { NodeLevels = levels ?? RecordKindEntry.AllLevels };

    private static RecordKindForm Form(string id, string label, string rpc, string route, string body, FieldRule? target, string help,
        Draft[] drafts, PresetDraft[] presets)
    {
        var jsonBody = JsonName(body);
        var fields = drafts.Select(d => new FormField(
            d.Rule, $"{jsonBody}.{JsonName(d.Rule.Name)}", $"{body}.{d.Rule.Name}", d.Label, d.Help, d.Default, d.Choices,
            d.When is { } w ? new FormCondition($"{jsonBody}.{JsonName(w.Field.Name)}", w.Values) : null)).ToList();
        return new RecordKindForm(
            id, label, help, rpc, $"/v1/nodes/{{node_id}}/{route}", body, AcceptsEvidence: true,
            target is null ? null : $"{jsonBody}.{JsonName(target.Name)}", fields,
            presets.Select(p => new RecordPreset(p.Id, p.Label, new Dictionary<string, string>
            {
                [$"{jsonBody}.{JsonName(p.Field.Name)}"] = p.Value,
            })).ToList());
    }

    /// <summary>The API's enum value name of a domain enum value: MeetingKind.ThemeDay → MEETING_KIND_THEME_DAY.</summary>
    public static string ProtoName<T>(T value) where T : struct, Enum =>
        $"{UpperSnake(typeof(T).Name)}_{UpperSnake(value.ToString())}";

    /// <summary>The API's enum value name of a domain enum value whose type is known only at run time.</summary>
    public static string ProtoName(Enum value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return $"{UpperSnake(value.GetType().Name)}_{UpperSnake(value.ToString())}";
    }

    /// <summary>The kind whose body the API names <paramref name="bodyField"/> (<c>activity</c>), or null.</summary>
    public static RecordKindForm? ByBody(string bodyField) => Kinds.FirstOrDefault(k => k.BodyField == bodyField);

    /// <summary>The proto-JSON name of a proto field name: expected_attendees → expectedAttendees.</summary>
    public static string JsonName(string protoName)
    {
        var parts = protoName.Split('_');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => p.Length == 0 ? "" : char.ToUpperInvariant(p[0]) + p[1..]));
    }

    private static string UpperSnake(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : char.ToUpperInvariant(c).ToString()));

    // levels: per choice, the node levels a record with it may be held at (a meeting kind's, MeetingLevels); every level unless given.
    private static FormChoice[] Choices<T>(Func<T, string>? label = null, Func<T, IReadOnlyList<Directory.NodeKind>>? levels = null) where T : struct, Enum =>
        Enum.GetValues<T>().Where(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) != 0)
            .Select(v => new FormChoice(ProtoName(v), label?.Invoke(v) ?? RecordLabels.Shared.Enum(v)
                ?? throw new InvalidDataException($"labels.zh.json has no label for {typeof(T).Name}.{v}"))
            {
                NodeLevels = levels?.Invoke(v) ?? RecordKindEntry.AllLevels,
            })
            .ToArray();

    private static string Label(string key) =>
        RecordLabels.Shared.Columns.GetValueOrDefault(key) ?? throw new InvalidDataException($"labels.zh.json has no column '{key}'");

    private static string Sheet(string body) =>
        RecordLabels.Shared.Sheets.GetValueOrDefault(body) ?? throw new InvalidDataException($"labels.zh.json has no sheet '{body}'");
}
