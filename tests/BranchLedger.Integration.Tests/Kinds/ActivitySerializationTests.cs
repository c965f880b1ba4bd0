using BranchLedger.Contracts.Ledger;
using BranchLedger.Contracts.Reports;
using BranchLedger.Domain.Reports;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace BranchLedger.Integration.Tests.Kinds;

/// <summary>
/// A record of a kind added through the catalogue, and the generic report fact it becomes, cross silos and
/// are stored with Orleans' serializer: both come back equal (ids and surrogates in place).
/// </summary>
public sealed class ActivitySerializationTests
{
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(LedgerRecord).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    [Fact]
    public void An_activity_record_and_its_report_fact_survive_serialization()
    {
        var body = new ActivityDetails
        {
            Date = new DateOnly(2026, 7, 1), Kind = Domain.Ledger.ActivityKind.SiteVisit, Topic = "参观党史纪念馆", Participants = 18, Organiser = "机关党委", Notes = "记",
        };
        var record = new LedgerRecord { Sequence = 3, RequestId = "r-3", RecordedBy = "wang", RecordedAt = DateTimeOffset.UnixEpoch, Body = body };

        var copy = Serializer.Deserialize<LedgerRecord>(Serializer.SerializeToArray(record))!;
        Assert.Equal(body, copy.Body);
        Assert.Equal((record.Sequence, record.RequestId), (copy.Sequence, copy.RequestId));

        var fact = RecordBodies.Fact("b1", 3, body)!;
        var facts = new NodeReportFacts(ReportFacts.Empty with { Records = [fact] }, []);
        var back = Serializer.Deserialize<NodeReportFacts>(Serializer.SerializeToArray(facts))!;
        var only = Assert.Single(back.Facts.Records);
        Assert.Equal((fact.NodeId, fact.Sequence, fact.Family, fact.Date), (only.NodeId, only.Sequence, only.Family, only.Date));
        Assert.Equal(fact.Fields.OrderBy(f => f.Key), only.Fields.OrderBy(f => f.Key));
    }
}
