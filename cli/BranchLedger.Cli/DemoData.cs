using BranchLedger.Api.V1;
using Grpc.Core;

namespace BranchLedger.Cli;

/// <summary>
/// A year of a small demo tenant's meetings, recorded through the public API. Request ids are derived
/// from the content, so loading twice records nothing new.
/// </summary>
internal static class DemoData
{
    private static readonly string[] Branches = ["office-branch", "rehab-centre-branch", "employment-branch"];

    public static async Task<int> LoadAsync(LedgerService.LedgerServiceClient ledger, DirectoryService.DirectoryServiceClient directory, Metadata headers)
    {
        await DirectoryAsync(directory, headers);
        var year = DateTime.UtcNow.Year - 1;
        int created = 0, replayed = 0;
        foreach (var branch in Branches)
        {
            for (var month = 1; month <= 12; month++)
            {
                foreach (var (kind, topic, day) in MonthlyMeetings(month))
                {
                    var response = await ledger.RecordMeetingAsync(new RecordMeetingRequest
                    {
                        NodeId = branch,
                        RequestId = $"demo-{branch}-{year}-{month:D2}-{(int)kind}",
                        Meeting = new Meeting
                        {
                            Kind = kind,
                            Date = new Google.Type.Date { Year = year, Month = month, Day = day },
                            Topic = topic,
                            Attendees = kind == MeetingKind.BranchCommitteeMeeting ? 5 : 11,
                            ExpectedAttendees = kind == MeetingKind.BranchCommitteeMeeting ? 5 : 12,
                            FirstAgendaItem = kind == MeetingKind.BranchCommitteeMeeting,
                        },
                    }, headers);
                    if (response.Replayed) { replayed++; } else { created++; }
                }
            }
        }

        Console.WriteLine($"demo data: tenant demo-city, {Branches.Length} branches, {created} records created, {replayed} already present");
        return 0;
    }

    // The tenant, its party group and three branches with rosters; fixed request ids make this idempotent.
    private static async Task DirectoryAsync(DirectoryService.DirectoryServiceClient directory, Metadata headers)
    {
        await directory.RegisterTenantAsync(new RegisterTenantRequest
        {
            RequestId = "demo-register",
            Profile = new TenantProfile { DisplayName = "示例市残疾人联合会", BodyKind = BodyKind.PeoplesOrganisation, TimeZone = "Asia/Shanghai" },
        }, headers);
        await directory.CreateNodeAsync(new CreateNodeRequest { RequestId = "demo-party-group", NodeId = "party-group", Kind = NodeKind.Organisation, Name = "市残联党组" }, headers);
        string[] names = ["机关党支部", "康复中心党支部", "就业服务中心党支部"];
        for (var i = 0; i < Branches.Length; i++)
        {
            await directory.CreateNodeAsync(new CreateNodeRequest
            {
                RequestId = $"demo-node-{Branches[i]}", NodeId = Branches[i], Kind = NodeKind.Branch, Name = names[i], ParentId = "party-group",
            }, headers);
            await directory.SetRosterAsync(new SetRosterRequest
            {
                RequestId = $"demo-roster-{Branches[i]}", NodeId = Branches[i], EffectiveFrom = new Google.Type.Date { Year = 2020, Month = 1, Day = 1 },
                Secretary = "支部书记", CommitteeMembers = 5, Members = 12, VotingMembers = 11,
            }, headers);
        }
    }

    private static IEnumerable<(MeetingKind Kind, string Topic, int Day)> MonthlyMeetings(int month)
    {
        yield return (MeetingKind.BranchCommitteeMeeting, $"{month}月支委会：研究部署本月党建工作", 5);
        yield return (MeetingKind.ThemeDay, $"{month}月主题党日：重温入党誓词", 15);
        yield return (MeetingKind.SmallGroupMeeting, $"{month}月党小组会：学习交流", 20);
        if (month % 3 == 0)
        {
            yield return (MeetingKind.BranchGeneralMeeting, $"第{month / 3}季度支部党员大会", 25);
            yield return (MeetingKind.PartyLecture, $"第{month / 3}季度党课", 26);
        }
    }
}
