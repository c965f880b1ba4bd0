using BranchLedger.Domain.Directory;

namespace BranchLedger.Domain.Ledger.Catalogue;

/// <summary>
/// The node levels of each meeting kind: the meeting form is one kind, but some of its kinds belong to one
/// level of the tree. Narrowed only where the rules say whose meeting it is (the domain notes' glossary and
/// rules); every other meeting (党课, 主题党日, 组织生活会, study sessions, …) may be held at any level.
/// </summary>
public static class MeetingLevels
{
    /// <summary>The levels whose ledgers may hold a meeting of <paramref name="kind"/>.</summary>
    public static IReadOnlyList<NodeKind> Of(MeetingKind kind) => kind switch
    {
        // The party group's own meetings, its leadership study group and its leaders' self-criticism meeting
        // (Organisation-scope rules: 民主生活会, 理论学习中心组学习).
        MeetingKind.PartyGroupMeeting or MeetingKind.ChairOfficeMeeting or MeetingKind.TheoryStudyGroup
            or MeetingKind.DemocraticLifeMeeting => RecordKindEntry.OrganisationOnly,
        // 三会一课: the branch's general meeting and committee (支部工作条例).
        MeetingKind.BranchGeneralMeeting or MeetingKind.BranchCommitteeMeeting => RecordKindEntry.Branches,
        MeetingKind.SmallGroupMeeting => RecordKindEntry.BelowOrganisation,
        _ => RecordKindEntry.AllLevels,
    };
}
