using BranchLedger.Api.V1;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Validation;
using Google.Protobuf.Collections;
using Google.Protobuf.WellKnownTypes;
using V1 = BranchLedger.Api.V1;
using RecordBody = BranchLedger.Contracts.Ledger.RecordBody;
using D = BranchLedger.Domain.Ledger;
using W = BranchLedger.Domain.Warnings;

namespace BranchLedger.Gateway.Services;

/// <summary>Between protobuf messages and grain contracts; no rules live here (enum values match by design).</summary>
internal static class LedgerMapping
{
    /// <param name="body">The message's body.</param>
    /// <param name="field">The body's own field path, named when it holds no kind (<c>body</c>, <c>replacement</c>).</param>
    /// <param name="prefix">What the paths of the body's fields start with (import rows name them from the kind on).</param>
    /// <param name="violations">Where problems are collected.</param>
    public static RecordBody ToBody(V1.RecordBody? body, string field, string prefix, Violations violations) => body?.BodyCase switch
    {
        V1.RecordBody.BodyOneofCase.Meeting => ToMeeting(body.Meeting, prefix + "meeting.", violations),
        V1.RecordBody.BodyOneofCase.Talk => ToTalk(body.Talk, prefix + "talk.", violations),
        V1.RecordBody.BodyOneofCase.QuarterlyReview => ToReview(body.QuarterlyReview, prefix + "quarterly_review.", violations),
        V1.RecordBody.BodyOneofCase.CommunityService => ToService(body.CommunityService, prefix + "community_service.", violations),
        V1.RecordBody.BodyOneofCase.RiskPoint => ToRiskPoint(body.RiskPoint, prefix + "risk_point.", violations),
        V1.RecordBody.BodyOneofCase.BrandProject => ToBrand(body.BrandProject, prefix + "brand_project.", violations),
        V1.RecordBody.BodyOneofCase.Honour => ToHonour(body.Honour, prefix + "honour.", violations),
        V1.RecordBody.BodyOneofCase.Campaign => ToCampaign(body.Campaign, prefix + "campaign.", violations),
        V1.RecordBody.BodyOneofCase.SelfAssessment => ToSelfAssessment(body.SelfAssessment, prefix + "self_assessment.", violations),
        V1.RecordBody.BodyOneofCase.DutyItem => ToDutyItem(body.DutyItem, prefix + "duty_item.", violations),
        V1.RecordBody.BodyOneofCase.DutyProgress => ToDutyProgress(body.DutyProgress, prefix + "duty_progress.", violations),
        V1.RecordBody.BodyOneofCase.Finding => ToFinding(body.Finding, prefix + "finding.", violations),
        V1.RecordBody.BodyOneofCase.FindingProgress => ToFindingProgress(body.FindingProgress, prefix + "finding_progress.", violations),
        V1.RecordBody.BodyOneofCase.FindingClosure => ToFindingClosure(body.FindingClosure, prefix + "finding_closure.", violations),
        V1.RecordBody.BodyOneofCase.FindingReopening => ToFindingReopening(body.FindingReopening, prefix + "finding_reopening.", violations),
        // Kinds added through the record catalogue map by name.
        not null and not V1.RecordBody.BodyOneofCase.None => CatalogueMapping.ToBody(body!, prefix, violations),
        _ => Missing(field, violations),
    };

    public static DutyItemDetails ToDutyItem(DutyItem? d, string prefix, Violations v)
    {
        d ??= new DutyItem();
        return new DutyItemDetails
        {
            Date = ToDate(d.Date, prefix + "date", v),
            DutyId = d.DutyId,
            Duty = d.Duty,
            Actor = (W.ActorClass)(int)d.Actor,
            Owner = d.Owner,
            Due = ToDate(d.Due, prefix + "due", v),
            Notes = d.Notes,
        };
    }

    public static DutyProgressDetails ToDutyProgress(DutyProgress? d, string prefix, Violations v)
    {
        d ??= new DutyProgress();
        return new DutyProgressDetails
        {
            Date = ToDate(d.Date, prefix + "date", v),
            DutyId = d.DutyId,
            Status = (W.DutyStatus)(int)d.Status,
            Verifier = d.Verifier,
            Notes = d.Notes,
        };
    }

    public static FindingDetails ToFinding(Finding? f, string prefix, Violations v)
    {
        f ??= new Finding();
        return new FindingDetails
        {
            Date = ToDate(f.Date, prefix + "date", v),
            FindingId = f.FindingId,
            Source = f.Source,
            Finding = f.Finding_,
            Measures = [.. f.Measures],
            ResponsiblePerson = f.ResponsiblePerson,
            ResponsibleLeader = f.ResponsibleLeader,
            Type = (W.RemediationType)(int)f.Type,
            Deadline = f.Deadline is null ? null : ToDate(f.Deadline, prefix + "deadline", v),
            Notes = f.Notes,
        };
    }

    public static FindingProgressDetails ToFindingProgress(FindingProgress? f, string prefix, Violations v)
    {
        f ??= new FindingProgress();
        return new FindingProgressDetails { Date = ToDate(f.Date, prefix + "date", v), FindingId = f.FindingId, Progress = f.Progress, Notes = f.Notes };
    }

    public static FindingClosureDetails ToFindingClosure(FindingClosure? f, string prefix, Violations v)
    {
        f ??= new FindingClosure();
        return new FindingClosureDetails { Date = ToDate(f.Date, prefix + "date", v), FindingId = f.FindingId, Verifier = f.Verifier, Notes = f.Notes };
    }

    public static FindingReopeningDetails ToFindingReopening(FindingReopening? f, string prefix, Violations v)
    {
        f ??= new FindingReopening();
        return new FindingReopeningDetails { Date = ToDate(f.Date, prefix + "date", v), FindingId = f.FindingId, Reason = f.Reason, Notes = f.Notes };
    }

    public static MeetingDetails ToMeeting(Meeting? m, string prefix, Violations v)
    {
        m ??= new Meeting();
        return new MeetingDetails
        {
            Kind = (D.MeetingKind)(int)m.Kind,
            Date = ToDate(m.Date, prefix + "date", v),
            Topic = m.Topic,
            Attendees = m.Attendees,
            ExpectedAttendees = m.ExpectedAttendees,
            FirstAgendaItem = m.FirstAgendaItem,
            Notes = m.Notes,
            Lecturer = m.Lecturer,
            LecturedBySecretary = m.LecturedBySecretary,
            Chair = m.Chair,
            ChairedBySecretary = m.ChairedBySecretary,
            LecturedByPartyGroupSecretary = m.LecturedByPartyGroupSecretary,
            SecretaryAsMember = m.SecretaryAsMember,
            // Names travel as sent: the ledger, which holds the tenant's attendance setting, drops them
            // unless the tenant keeps names.
            Absences = [.. m.Absences.Select(a => new AbsenceEntry { Reason = (D.AbsenceReason)(int)a.Reason, Name = a.Name.Trim(), Note = a.Note })],
            AttendeeNames = [.. m.AttendeeNames.Select(n => n.Trim())],
            Topics = [.. m.Topics.Select(t => t.Trim())],
        };
    }

    public static TalkDetails ToTalk(Talk? t, string prefix, Violations v)
    {
        t ??= new Talk();
        return new TalkDetails
        {
            Kind = (D.TalkKind)(int)t.Kind,
            Date = ToDate(t.Date, prefix + "date", v),
            Topic = t.Topic,
            People = t.People,
            PersonA = t.PersonA,
            PersonB = t.PersonB,
            Notes = t.Notes,
        };
    }

    public static QuarterlyReviewDetails ToReview(QuarterlyReview? r, string prefix, Violations v)
    {
        r ??= new QuarterlyReview();
        return new QuarterlyReviewDetails { Date = ToDate(r.Date, prefix + "date", v), Topic = r.Topic, Reporter = r.Reporter, Notes = r.Notes, Mechanism = r.Mechanism.Trim() };
    }

    public static CommunityServiceDetails ToService(CommunityService? s, string prefix, Violations v)
    {
        s ??= new CommunityService();
        return new CommunityServiceDetails
        {
            Kind = (D.CommunityServiceKind)(int)s.Kind,
            Date = ToDate(s.Date, prefix + "date", v),
            Topic = s.Topic,
            Members = s.Members,
            Community = s.Community,
            Notes = s.Notes,
            RosterSize = s.RosterSize,
        };
    }

    public static RiskPointDetails ToRiskPoint(RiskPoint? r, string prefix, Violations v)
    {
        r ??= new RiskPoint();
        return new RiskPointDetails { Date = ToDate(r.Date, prefix + "date", v), RiskPoint = r.RiskPoint_, Measures = [.. r.Measures], Notes = r.Notes };
    }

    public static BrandProjectDetails ToBrand(BrandProject? b, string prefix, Violations v)
    {
        b ??= new BrandProject();
        return new BrandProjectDetails
        {
            Date = ToDate(b.Date, prefix + "date", v),
            Name = b.Name,
            Level = (D.RecognitionLevel)(int)b.Level,
            Status = (D.BrandStatus)(int)b.Status,
            Notes = b.Notes,
        };
    }

    public static HonourDetails ToHonour(Honour? h, string prefix, Violations v)
    {
        h ??= new Honour();
        return new HonourDetails
        {
            Date = ToDate(h.Date, prefix + "date", v),
            Title = h.Title,
            Recipient = h.Recipient,
            RecipientKind = (D.RecipientKind)(int)h.RecipientKind,
            Level = (D.RecognitionLevel)(int)h.Level,
            AwardedBy = h.AwardedBy,
            Notes = h.Notes,
        };
    }

    public static CampaignDetails ToCampaign(Campaign? c, string prefix, Violations v)
    {
        c ??= new Campaign();
        return new CampaignDetails
        {
            Date = ToDate(c.Date, prefix + "date", v),
            Name = c.Name,
            Status = (D.CampaignStatus)(int)c.Status,
            Level = (D.RecognitionLevel)(int)c.Level,
            Notes = c.Notes,
        };
    }

    public static SelfAssessmentDetails ToSelfAssessment(SelfAssessment? s, string prefix, Violations v)
    {
        s ??= new SelfAssessment();
        return new SelfAssessmentDetails
        {
            Date = ToDate(s.Date, prefix + "date", v),
            Year = s.Year,
            Section = (D.SelfAssessmentSection)(int)s.Section,
            Order = s.Order,
            Text = s.Text,
        };
    }

    public static IReadOnlyList<EvidenceRef> ToEvidence(RepeatedField<Evidence> evidence) =>
        [.. evidence.Select(e => new EvidenceRef(e.Uri, e.Sha256, e.MediaType))];

    public static V1.LedgerRecord ToMessage(this RecordView view, string nodeId)
    {
        var record = view.Record;
        var message = new V1.LedgerRecord
        {
            RecordId = record.RecordId,
            Sequence = record.Sequence,
            NodeId = nodeId,
            RequestId = record.RequestId,
            RecordedBy = record.RecordedBy,
            RecordedAt = Timestamp.FromDateTimeOffset(record.RecordedAt),
            Status = (V1.RecordStatus)(int)view.Status,
        };
        message.Evidence.AddRange(record.Evidence.Select(e => new Evidence { Uri = e.Uri, Sha256 = e.Sha256, MediaType = e.MediaType }));
        SetBody(message, record.Body);
        if (view.Status == Contracts.Ledger.RecordStatus.Amended)
        {
            message.Current = ToMessage(view.Current);
        }

        return message;
    }

    public static V1.LedgerRecord ToMessage(this Contracts.Ledger.LedgerRecord record, string nodeId) =>
        new RecordView(record, record.Body, Contracts.Ledger.RecordStatus.Active).ToMessage(nodeId);

    public static V1.RecordBody ToMessage(RecordBody body) => body switch
    {
        MeetingDetails m => new V1.RecordBody { Meeting = FromMeeting(m) },
        TalkDetails t => new V1.RecordBody { Talk = FromTalk(t) },
        QuarterlyReviewDetails r => new V1.RecordBody { QuarterlyReview = new QuarterlyReview { Date = ToDate(r.Date), Topic = r.Topic, Reporter = r.Reporter, Notes = r.Notes, Mechanism = r.Mechanism } },
        CommunityServiceDetails s => new V1.RecordBody { CommunityService = new CommunityService { Kind = (V1.CommunityServiceKind)(int)s.Kind, Date = ToDate(s.Date), Topic = s.Topic, Members = s.Members, Community = s.Community, Notes = s.Notes, RosterSize = s.RosterSize } },
        RiskPointDetails r => new V1.RecordBody { RiskPoint = new RiskPoint { Date = ToDate(r.Date), RiskPoint_ = r.RiskPoint, Measures = { r.Measures }, Notes = r.Notes } },
        BrandProjectDetails b => new V1.RecordBody { BrandProject = new BrandProject { Date = ToDate(b.Date), Name = b.Name, Level = (V1.RecognitionLevel)(int)b.Level, Status = (V1.BrandStatus)(int)b.Status, Notes = b.Notes } },
        HonourDetails h => new V1.RecordBody { Honour = new Honour { Date = ToDate(h.Date), Title = h.Title, Recipient = h.Recipient, RecipientKind = (V1.RecipientKind)(int)h.RecipientKind, Level = (V1.RecognitionLevel)(int)h.Level, AwardedBy = h.AwardedBy, Notes = h.Notes } },
        CampaignDetails c => new V1.RecordBody { Campaign = new Campaign { Date = ToDate(c.Date), Name = c.Name, Status = (V1.CampaignStatus)(int)c.Status, Level = (V1.RecognitionLevel)(int)c.Level, Notes = c.Notes } },
        SelfAssessmentDetails s => new V1.RecordBody { SelfAssessment = new SelfAssessment { Date = ToDate(s.Date), Year = s.Year, Section = (V1.SelfAssessmentSection)(int)s.Section, Order = s.Order, Text = s.Text } },
        DutyItemDetails d => new V1.RecordBody { DutyItem = FromDutyItem(d) },
        DutyProgressDetails d => new V1.RecordBody { DutyProgress = new DutyProgress { Date = ToDate(d.Date), DutyId = d.DutyId, Status = (V1.DutyStatus)(int)d.Status, Verifier = d.Verifier, Notes = d.Notes } },
        FindingDetails f => new V1.RecordBody { Finding = FromFinding(f) },
        FindingProgressDetails f => new V1.RecordBody { FindingProgress = new FindingProgress { Date = ToDate(f.Date), FindingId = f.FindingId, Progress = f.Progress, Notes = f.Notes } },
        FindingClosureDetails f => new V1.RecordBody { FindingClosure = new FindingClosure { Date = ToDate(f.Date), FindingId = f.FindingId, Verifier = f.Verifier, Notes = f.Notes } },
        FindingReopeningDetails f => new V1.RecordBody { FindingReopening = new FindingReopening { Date = ToDate(f.Date), FindingId = f.FindingId, Reason = f.Reason, Notes = f.Notes } },
        _ => CatalogueMapping.ToMessage(body),
    };

    /// <summary>A record's review state as the API shows it.</summary>
    public static RecordReview ToMessage(ReviewStanding review) => new()
    {
        State = (V1.ReviewState)(int)review.State,
        Reason = review.Reason,
        ReviewedBy = review.ReviewedBy,
        ReviewedAt = review.ReviewedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
        ReviewRecordId = review.ReviewSequence is { } s ? Contracts.Ledger.LedgerRecord.IdOf(s) : "",
        AnsweredByRecordId = review.AnsweredBySequence is { } a ? Contracts.Ledger.LedgerRecord.IdOf(a) : "",
    };

    private static void SetBody(V1.LedgerRecord message, RecordBody body)
    {
        if (body is ReviewDetails review)
        {
            message.Review = new V1.Review
            {
                RecordId = Contracts.Ledger.LedgerRecord.IdOf(review.TargetSequence),
                Verdict = (V1.ReviewVerdict)(int)review.Verdict,
                Reason = review.Reason,
            };
            return;
        }

        if (body is CorrectionDetails c)
        {
            message.Correction = new Correction
            {
                RecordId = Contracts.Ledger.LedgerRecord.IdOf(c.TargetSequence),
                Reason = c.Reason,
                Replacement = c.Replacement is null ? null : ToMessage(c.Replacement),
            };
            return;
        }

        // LedgerRecord's body oneof repeats RecordBody's fields by name, so the set field is copied by
        // name: a new record kind needs no second mapping here.
        var shaped = ToMessage(body);
        var field = V1.RecordBody.Descriptor.Oneofs[0].Accessor.GetCaseFieldDescriptor(shaped);
        V1.LedgerRecord.Descriptor.FindFieldByName(field.Name).Accessor.SetValue(message, field.Accessor.GetValue(shaped));
    }

    private static Meeting FromMeeting(MeetingDetails m)
    {
        var meeting = new Meeting
        {
            Kind = (V1.MeetingKind)(int)m.Kind,
            Date = ToDate(m.Date),
            Topic = m.Topic,
            Attendees = m.Attendees,
            ExpectedAttendees = m.ExpectedAttendees,
            FirstAgendaItem = m.FirstAgendaItem,
            Notes = m.Notes,
            Lecturer = m.Lecturer,
            LecturedBySecretary = m.LecturedBySecretary,
            Chair = m.Chair,
            ChairedBySecretary = m.ChairedBySecretary,
            LecturedByPartyGroupSecretary = m.LecturedByPartyGroupSecretary,
            SecretaryAsMember = m.SecretaryAsMember,
        };
        meeting.Absences.AddRange(m.Absences.Select(a => new V1.Absence { Reason = (V1.AbsenceReason)(int)a.Reason, Name = a.Name, Note = a.Note }));
        meeting.AttendeeNames.AddRange(m.AttendeeNames);
        meeting.Topics.AddRange(m.Topics);
        return meeting;
    }

    private static Talk FromTalk(TalkDetails t) => new()
    {
        Kind = (V1.TalkKind)(int)t.Kind,
        Date = ToDate(t.Date),
        Topic = t.Topic,
        People = t.People,
        PersonA = t.PersonA,
        PersonB = t.PersonB,
        Notes = t.Notes,
    };

    public static DutyItemState ToState(DutyItemView view, DateOnly today)
    {
        var overdue = view.Fact.DaysOverdue(today);
        return new DutyItemState
        {
            RecordId = Contracts.Ledger.LedgerRecord.IdOf(view.Sequence),
            Item = FromDutyItem(view.Item),
            Status = (V1.DutyStatus)(int)view.Status,
            StatusDate = view.StatusDate is { } d ? ToDate(d) : null,
            Verifier = view.Verifier,
            Overdue = overdue is not null,
            DaysOverdue = overdue ?? 0,
        };
    }

    public static FindingState ToState(FindingView view, DateOnly today)
    {
        var overdue = view.Fact.DaysOverdue(today);
        return new FindingState
        {
            RecordId = Contracts.Ledger.LedgerRecord.IdOf(view.Sequence),
            Finding = FromFinding(view.Finding),
            Closed = view.Closed,
            Progress = { view.Progress },
            Verifier = view.Verifier,
            ClosedOn = view.ClosedOn is { } d ? ToDate(d) : null,
            Reopened = view.Reopened,
            Overdue = overdue is not null,
            DaysOverdue = overdue ?? 0,
        };
    }

    public static GetComplianceResponse ToMessage(ComplianceView view)
    {
        var response = new GetComplianceResponse { Period = view.Period, AsOf = ToDate(view.Today) };
        response.Rows.AddRange(view.Rows.Select(r => new ObligationRow
        {
            RuleId = r.RuleId,
            Name = r.Name,
            Period = r.Period,
            Status = (V1.ObligationStatus)(int)r.Status,
            Required = r.Required,
            Counted = r.Counted,
            Raw = r.Raw,
            RecordIds = { r.Sequences.Select(Contracts.Ledger.LedgerRecord.IdOf) },
            QuorumFailures = { r.QuorumFailures.Select(Contracts.Ledger.LedgerRecord.IdOf) },
            Source = r.Source,
        }));
        response.Met = view.Rows.Count(r => r.Status == Domain.Obligations.ObligationStatus.Met);
        response.Missed = view.Rows.Count(r => r.Status == Domain.Obligations.ObligationStatus.Missed);
        response.Due = view.Rows.Count(r => r.Status == Domain.Obligations.ObligationStatus.Due);
        response.ComplianceRate = response.Met + response.Missed == 0 ? 0 : (double)response.Met / (response.Met + response.Missed);
        response.Warnings.AddRange(view.Warnings.Select(ToMessage));
        return response;
    }

    public static V1.Warning ToMessage(WarningView w) => new()
    {
        Kind = (V1.WarningKind)(int)w.Kind,
        SubjectId = w.SubjectId,
        Period = w.Period,
        DueDate = w.DueDate is { } due ? ToDate(due) : null,
        DaysOverdue = w.DaysOverdue,
        Message = w.Message,
        RecordId = w.Sequence is { } s ? Contracts.Ledger.LedgerRecord.IdOf(s) : "",
    };

    public static IEnumerable<NodeWarning> ToMessages(NodeWarnings node) =>
        node.Warnings.Select(w => new NodeWarning { NodeId = node.NodeId, AsOf = ToDate(node.AsOf), Warning = ToMessage(w) });

    private static DutyItem FromDutyItem(DutyItemDetails d) => new()
    {
        Date = ToDate(d.Date),
        DutyId = d.DutyId,
        Duty = d.Duty,
        Actor = (V1.ActorClass)(int)d.Actor,
        Owner = d.Owner,
        Due = ToDate(d.Due),
        Notes = d.Notes,
    };

    private static Finding FromFinding(FindingDetails f) => new()
    {
        Date = ToDate(f.Date),
        FindingId = f.FindingId,
        Source = f.Source,
        Finding_ = f.Finding,
        Measures = { f.Measures },
        ResponsiblePerson = f.ResponsiblePerson,
        ResponsibleLeader = f.ResponsibleLeader,
        Type = (V1.RemediationType)(int)f.Type,
        Deadline = f.Deadline is { } deadline ? ToDate(deadline) : null,
        Notes = f.Notes,
    };

    private static Google.Type.Date ToDate(DateOnly d) => ApiDates.ToMessage(d);

    private static RecordBody Missing(string field, Violations violations)
    {
        violations.Add(field, "is required: set exactly one kind of record");
        return new QuarterlyReviewDetails { Date = RecordRules.EarliestDate, Topic = "-" };
    }

    private static DateOnly ToDate(Google.Type.Date? date, string field, Violations violations) =>
        ApiDates.ToDate(date, field, violations, RecordRules.EarliestDate);
}
