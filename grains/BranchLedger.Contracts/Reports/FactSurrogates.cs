using BranchLedger.Domain.Ledger;
using BranchLedger.Domain.Reports;
using BranchLedger.Domain.Warnings;

namespace BranchLedger.Contracts.Reports;

// The report facts are plain domain records (no Orleans types); these surrogates let ledgers send
// them to the report grain as they are, so there is one fact model, not a copy per layer.

[GenerateSerializer, Immutable, Alias("branchledger.MeetingFact")]
internal readonly record struct MeetingFactSurrogate(
    [property: Id(0)] string NodeId, [property: Id(1)] long Sequence, [property: Id(2)] MeetingKind Kind,
    [property: Id(3)] DateOnly Date, [property: Id(4)] bool LecturedBySecretary, [property: Id(5)] bool ChairedBySecretary,
    [property: Id(6)] bool LecturedByPartyGroupSecretary, [property: Id(7)] bool SecretaryAsMember, [property: Id(8)] string? Lecturer,
    [property: Id(9)] IReadOnlyList<string>? Topics);

[RegisterConverter]
internal sealed class MeetingFactConverter : IConverter<MeetingFact, MeetingFactSurrogate>
{
    // A payload from before the lecturer was carried has none (null): read as not recorded.
    // Nor, from before the topics were carried, any topic.
    public MeetingFact ConvertFromSurrogate(in MeetingFactSurrogate s) =>
        new(s.NodeId, s.Sequence, s.Kind, s.Date, s.LecturedBySecretary, s.ChairedBySecretary, s.LecturedByPartyGroupSecretary, s.SecretaryAsMember, s.Lecturer ?? "")
        {
            Topics = s.Topics ?? [],
        };
    public MeetingFactSurrogate ConvertToSurrogate(in MeetingFact v) =>
        new(v.NodeId, v.Sequence, v.Kind, v.Date, v.LecturedBySecretary, v.ChairedBySecretary, v.LecturedByPartyGroupSecretary, v.SecretaryAsMember, v.Lecturer, v.Topics);
}

[GenerateSerializer, Immutable, Alias("branchledger.TalkFact")]
internal readonly record struct TalkFactSurrogate(
    [property: Id(0)] string NodeId, [property: Id(1)] long Sequence, [property: Id(2)] TalkKind Kind,
    [property: Id(3)] int People, [property: Id(4)] DateOnly Date);

[RegisterConverter]
internal sealed class TalkFactConverter : IConverter<TalkFact, TalkFactSurrogate>
{
    public TalkFact ConvertFromSurrogate(in TalkFactSurrogate s) => new(s.NodeId, s.Sequence, s.Kind, s.People, s.Date);
    public TalkFactSurrogate ConvertToSurrogate(in TalkFact v) => new(v.NodeId, v.Sequence, v.Kind, v.People, v.Date);
}

[GenerateSerializer, Immutable, Alias("branchledger.RiskPointFact")]
internal readonly record struct RiskPointFactSurrogate(
    [property: Id(0)] string NodeId, [property: Id(1)] long Sequence, [property: Id(2)] int Measures, [property: Id(3)] DateOnly Date);

[RegisterConverter]
internal sealed class RiskPointFactConverter : IConverter<RiskPointFact, RiskPointFactSurrogate>
{
    public RiskPointFact ConvertFromSurrogate(in RiskPointFactSurrogate s) => new(s.NodeId, s.Sequence, s.Measures, s.Date);
    public RiskPointFactSurrogate ConvertToSurrogate(in RiskPointFact v) => new(v.NodeId, v.Sequence, v.Measures, v.Date);
}

[GenerateSerializer, Immutable, Alias("branchledger.CommunityServiceFact")]
internal readonly record struct CommunityServiceFactSurrogate(
    [property: Id(0)] string NodeId, [property: Id(1)] long Sequence, [property: Id(2)] CommunityServiceKind Kind,
    [property: Id(3)] int Members, [property: Id(4)] DateOnly Date, [property: Id(5)] int RosterSize, [property: Id(6)] string Topic);

[RegisterConverter]
internal sealed class CommunityServiceFactConverter : IConverter<CommunityServiceFact, CommunityServiceFactSurrogate>
{
    public CommunityServiceFact ConvertFromSurrogate(in CommunityServiceFactSurrogate s) => new(s.NodeId, s.Sequence, s.Kind, s.Members, s.Date, s.RosterSize, s.Topic ?? "");
    public CommunityServiceFactSurrogate ConvertToSurrogate(in CommunityServiceFact v) => new(v.NodeId, v.Sequence, v.Kind, v.Members, v.Date, v.RosterSize, v.Topic);
}

[GenerateSerializer, Immutable, Alias("branchledger.QuarterlyReviewFact")]
internal readonly record struct QuarterlyReviewFactSurrogate(
    [property: Id(0)] string NodeId, [property: Id(1)] long Sequence, [property: Id(2)] DateOnly Date, [property: Id(3)] string? Mechanism);

[RegisterConverter]
internal sealed class QuarterlyReviewFactConverter : IConverter<QuarterlyReviewFact, QuarterlyReviewFactSurrogate>
{
    // A payload from before the mechanism was carried has none (null): read as not recorded.
    public QuarterlyReviewFact ConvertFromSurrogate(in QuarterlyReviewFactSurrogate s) => new(s.NodeId, s.Sequence, s.Date, s.Mechanism ?? "");
    public QuarterlyReviewFactSurrogate ConvertToSurrogate(in QuarterlyReviewFact v) => new(v.NodeId, v.Sequence, v.Date, v.Mechanism);
}

[GenerateSerializer, Immutable, Alias("branchledger.DutyItemReportFact")]
internal readonly record struct DutyItemReportFactSurrogate(
    [property: Id(0)] string NodeId, [property: Id(1)] long Sequence, [property: Id(2)] DateOnly Due,
    [property: Id(3)] DutyStatus Status, [property: Id(4)] bool DoneOnTime);

[RegisterConverter]
internal sealed class DutyItemReportFactConverter : IConverter<DutyItemReportFact, DutyItemReportFactSurrogate>
{
    public DutyItemReportFact ConvertFromSurrogate(in DutyItemReportFactSurrogate s) => new(s.NodeId, s.Sequence, s.Due, s.Status, s.DoneOnTime);
    public DutyItemReportFactSurrogate ConvertToSurrogate(in DutyItemReportFact v) => new(v.NodeId, v.Sequence, v.Due, v.Status, v.DoneOnTime);
}
