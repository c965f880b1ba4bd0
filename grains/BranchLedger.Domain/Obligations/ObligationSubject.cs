using BranchLedger.Domain.Ledger;

namespace BranchLedger.Domain.Obligations;

/// <summary>The kinds of thing an obligation counts.</summary>
public enum SubjectKind
{
    /// <summary>Not set; never valid.</summary>
    Unspecified = 0,
    /// <summary>A meeting or study session of one <see cref="MeetingKind"/>.</summary>
    Meeting = 1,
    /// <summary>A party lecture given by the branch secretary (书记讲党课).</summary>
    SecretaryLecture = 2,
    /// <summary>The party group hearing the quarterly party-building report (党组听取党建工作汇报).</summary>
    PartyBuildingReview = 3,
    /// <summary>Heart-to-heart talks (谈心谈话), counted as coverage of pairs of people.</summary>
    TalkPairs = 4,
}

/// <summary>
/// What an obligation counts: a closed set (a meeting of a given kind, a secretary's lecture, the
/// party-building review, talk pairs), so that rules stored as data can only name things the
/// ledger records. Compared by value.
/// </summary>
public sealed record ObligationSubject
{
    private ObligationSubject(SubjectKind kind, MeetingKind meeting)
    {
        Kind = kind;
        Meeting = meeting;
    }

    /// <summary>What kind of subject this is.</summary>
    public SubjectKind Kind { get; }

    /// <summary>The meeting kind when <see cref="Kind"/> is <see cref="SubjectKind.Meeting"/>; otherwise Unspecified.</summary>
    public MeetingKind Meeting { get; }

    /// <summary>A party lecture given by the secretary.</summary>
    public static ObligationSubject SecretaryLecture { get; } = new(SubjectKind.SecretaryLecture, MeetingKind.Unspecified);

    /// <summary>The party group's quarterly party-building review.</summary>
    public static ObligationSubject PartyBuildingReview { get; } = new(SubjectKind.PartyBuildingReview, MeetingKind.Unspecified);

    /// <summary>Heart-to-heart talk pairs.</summary>
    public static ObligationSubject TalkPairs { get; } = new(SubjectKind.TalkPairs, MeetingKind.Unspecified);

    /// <summary>A meeting of <paramref name="kind"/>.</summary>
    public static ObligationSubject MeetingOf(MeetingKind kind)
    {
        if (kind == MeetingKind.Unspecified || !Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "must be a meeting kind");
        }

        return new ObligationSubject(SubjectKind.Meeting, kind);
    }

    /// <summary>
    /// True when a record of this subject counts towards an obligation on <paramref name="required"/>.
    /// A secretary's lecture is also a party lecture, so it counts for the quarterly party-lecture rule
    /// as well — the grain layer maps such a record to one fact, not two.
    /// </summary>
    public bool CountsFor(ObligationSubject required) =>
        Equals(required)
        || (Kind == SubjectKind.SecretaryLecture && required.Kind == SubjectKind.Meeting && required.Meeting == MeetingKind.PartyLecture);

    /// <summary>"meeting:BranchGeneralMeeting", "secretary-lecture", …: for logs and test output.</summary>
    public override string ToString() => Kind switch
    {
        SubjectKind.Meeting => "meeting:" + Meeting,
        SubjectKind.SecretaryLecture => "secretary-lecture",
        SubjectKind.PartyBuildingReview => "party-building-review",
        SubjectKind.TalkPairs => "talk-pairs",
        _ => "unspecified",
    };
}
