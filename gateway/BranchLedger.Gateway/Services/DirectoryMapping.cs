using BranchLedger.Contracts.Directory;
using BranchLedger.Domain.Directory;
using BranchLedger.Domain.Obligations;
using BranchLedger.Domain.Validation;
using Google.Protobuf.WellKnownTypes;
using V1 = BranchLedger.Api.V1;

namespace BranchLedger.Gateway.Services;

/// <summary>Between DirectoryService messages and the tenant grain's contracts; no rules live here.</summary>
internal static class DirectoryMapping
{
    /// <summary>
    /// The profile as the grain takes it; an empty time zone, an unspecified attendance setting and
    /// zero session days mean the defaults (the grain's rules then check what is left).
    /// </summary>
    public static TenantProfile ToProfile(V1.TenantProfile? profile) => new()
    {
        DisplayName = profile?.DisplayName ?? "",
        BodyKind = (BodyKind)(int)(profile?.BodyKind ?? V1.BodyKind.Unspecified),
        TimeZone = string.IsNullOrEmpty(profile?.TimeZone) ? TenantRules.DefaultTimeZone : profile.TimeZone,
        AttendanceRecording = profile is null or { AttendanceRecording: V1.AttendanceRecording.Unspecified }
            ? AttendanceRecording.CountsOnly
            : (AttendanceRecording)(int)profile.AttendanceRecording,
        SessionDays = profile is null or { SessionDays: 0 } ? TenantRules.DefaultSessionDays : profile.SessionDays,
        SecretariesReadWholeTenant = profile?.SecretariesReadWholeTenant ?? false,
    };

    /// <summary>Empty ids (the API's "none") become null, as the grain keeps them.</summary>
    public static string? OrNull(string id) => id.Length == 0 ? null : id;

    public static DateOnly ToDate(Google.Type.Date? date, string field, Violations violations) =>
        ApiDates.ToDate(date, field, violations, RosterRules.EarliestDate);

    /// <summary>A roster as SetRoster and ImportNodes take it; a missing date is a violation of <paramref name="dateField"/>.</summary>
    public static RosterFigures ToRoster(
        Google.Type.Date? effectiveFrom, string dateField, Violations violations, string secretary, int committeeMembers,
        int members, int votingMembers, IEnumerable<string> committeeNames, IEnumerable<string> memberNames) => new()
    {
        EffectiveFrom = ToDate(effectiveFrom, dateField, violations),
        Secretary = secretary,
        CommitteeMembers = committeeMembers,
        Members = members,
        VotingMembers = votingMembers,
        CommitteeNames = RosterRules.Trimmed(committeeNames),
        MemberNames = RosterRules.Trimmed(memberNames),
    };

    public static V1.Tenant ToMessage(this TenantInfo tenant) => new()
    {
        TenantId = tenant.TenantId,
        Profile = new V1.TenantProfile
        {
            DisplayName = tenant.Profile.DisplayName,
            BodyKind = (V1.BodyKind)(int)tenant.Profile.BodyKind,
            TimeZone = tenant.Profile.TimeZone,
            AttendanceRecording = (V1.AttendanceRecording)(int)tenant.Profile.AttendanceRecording,
            // Profiles stored before the setting existed read 0: they have the default.
            SessionDays = tenant.Profile.SessionDays == 0 ? TenantRules.DefaultSessionDays : tenant.Profile.SessionDays,
            SecretariesReadWholeTenant = tenant.Profile.SecretariesReadWholeTenant,
        },
        CreatedBy = tenant.CreatedBy,
        CreatedAt = Timestamp.FromDateTimeOffset(tenant.CreatedAt),
        UpdatedBy = tenant.UpdatedBy,
        UpdatedAt = Timestamp.FromDateTimeOffset(tenant.UpdatedAt),
    };

    public static V1.Node ToMessage(this DirectoryNode node) => new()
    {
        NodeId = node.NodeId,
        Kind = (V1.NodeKind)(int)node.Kind,
        Name = node.Name,
        ParentId = node.ParentId ?? "",
        State = node.IsClosed ? V1.NodeState.Closed : V1.NodeState.Open,
        CloseReason = node.CloseReason,
        CreatedBy = node.CreatedBy,
        CreatedAt = Timestamp.FromDateTimeOffset(node.CreatedAt),
        UpdatedBy = node.UpdatedBy,
        UpdatedAt = Timestamp.FromDateTimeOffset(node.UpdatedAt),
        ClosedAt = node.ClosedAt is { } closed ? Timestamp.FromDateTimeOffset(closed) : null,
    };

    /// <summary>An override as the grain takes it: 0, UNSPECIFIED and unset mean "keep the default's".</summary>
    public static ObligationOverrideTerms ToOverride(V1.ObligationOverride o, string prefix, Violations violations) => new()
    {
        RuleId = o.RuleId,
        EffectiveFrom = ToDate(o.EffectiveFrom, prefix + "effective_from", violations),
        EffectiveTo = o.EffectiveTo is null ? null : ToDate(o.EffectiveTo, prefix + "effective_to", violations),
        Source = o.Source,
        MinCount = o.MinCount == 0 ? null : o.MinCount,
        Frequency = o.Frequency == V1.ObligationFrequency.Unspecified ? null : (Frequency)(int)o.Frequency,
        Quorum = o.Quorum is { } q
            ? new QuorumTerms { Basis = (QuorumBasis)(int)q.Basis, Numerator = q.Numerator, Denominator = q.Denominator, Strict = q.Strict }
            : null,
    };

    public static V1.ObligationOverrides ToMessage(this ObligationOverridesEntry entry)
    {
        var message = new V1.ObligationOverrides
        {
            Sequence = entry.Sequence,
            RequestId = entry.RequestId,
            RecordedBy = entry.RecordedBy,
            RecordedAt = Timestamp.FromDateTimeOffset(entry.RecordedAt),
        };
        message.Overrides.AddRange(entry.Overrides.Select(o => new V1.ObligationOverride
        {
            RuleId = o.RuleId,
            EffectiveFrom = ToMessage(o.EffectiveFrom),
            EffectiveTo = o.EffectiveTo is { } to ? ToMessage(to) : null,
            Source = o.Source,
            MinCount = o.MinCount ?? 0,
            Frequency = (V1.ObligationFrequency)(int)(o.Frequency ?? Frequency.Unspecified),
            Quorum = o.Quorum?.ToMessage(),
        }));
        return message;
    }

    public static V1.ListObligationsResponse ToMessage(this TenantObligations obligations)
    {
        var response = new V1.ListObligationsResponse { Overrides = obligations.Overrides?.ToMessage() };
        response.Rules.AddRange(obligations.Rules.Select(r => new V1.ObligationRule
        {
            RuleId = r.RuleId,
            Name = r.Name,
            Scope = (V1.ObligationScope)(int)r.AppliesTo,
            Frequency = (V1.ObligationFrequency)(int)r.Frequency,
            MinCount = r.MinCount,
            Quorum = r.Quorum?.ToMessage(),
            EffectiveFrom = ToMessage(r.EffectiveFrom),
            EffectiveTo = r.EffectiveTo is { } to ? ToMessage(to) : null,
            Source = r.Source,
            Overridden = r.Overridden,
        }));
        return response;
    }

    public static V1.Quorum ToMessage(this QuorumTerms q) => new()
    {
        Basis = (V1.QuorumBasis)(int)q.Basis, Numerator = q.Numerator, Denominator = q.Denominator, Strict = q.Strict,
    };

    public static V1.Roster ToMessage(this RosterEntry entry) => new()
    {
        NodeId = entry.NodeId,
        EffectiveFrom = ToMessage(entry.Roster.EffectiveFrom),
        Secretary = entry.Roster.Secretary,
        CommitteeMembers = entry.Roster.CommitteeMembers,
        Members = entry.Roster.Members,
        VotingMembers = entry.Roster.VotingMembers,
        Sequence = entry.Sequence,
        RequestId = entry.RequestId,
        RecordedBy = entry.RecordedBy,
        RecordedAt = Timestamp.FromDateTimeOffset(entry.RecordedAt),
        CommitteeNames = { entry.Roster.CommitteeNames },
        MemberNames = { entry.Roster.MemberNames },
    };

    /// <summary>One entry of a node's history; every entry listed for a node is a node change.</summary>
    public static V1.NodeChange ToNodeChange(this DirectoryEntry entry)
    {
        var change = (NodeChange)entry.Change;
        var message = new V1.NodeChange
        {
            Sequence = entry.Sequence,
            NodeId = change.NodeId,
            RequestId = entry.RequestId,
            RecordedBy = entry.RecordedBy,
            RecordedAt = Timestamp.FromDateTimeOffset(entry.RecordedAt),
        };
        switch (change)
        {
            case NodeCreated c:
                message.Created = new V1.NodeCreated { Kind = (V1.NodeKind)(int)c.Kind, Name = c.Name, ParentId = c.ParentId ?? "" };
                break;
            case NodeRenamed c:
                message.Renamed = new V1.NodeRenamed { Name = c.Name };
                break;
            case NodeMoved c:
                message.Moved = new V1.NodeMoved { ParentId = c.ParentId ?? "" };
                break;
            case NodeClosed c:
                message.Closed = new V1.NodeClosed { Reason = c.Reason };
                break;
            case RosterSet c:
                message.RosterSet = new RosterEntry
                {
                    NodeId = c.NodeId, Roster = c.Roster, Sequence = entry.Sequence,
                    RequestId = entry.RequestId, RecordedBy = entry.RecordedBy, RecordedAt = entry.RecordedAt,
                }.ToMessage();
                break;
        }

        return message;
    }

    private static Google.Type.Date ToMessage(DateOnly date) => ApiDates.ToMessage(date);
}
