using System.Diagnostics;
using BranchLedger.Api.V1;
using BranchLedger.CityData;
using Npgsql;
using NpgsqlTypes;

namespace BranchLedger.Bench.City;

/// <summary>
/// The SQL peer: the same branch records in one plain table (no grains, no precomputed scores), and a
/// ranking computed at read time by one aggregate query — the design a team would build first. Its
/// score is a simplified reading of the same rules (monthly and quarterly meetings met, quorums kept,
/// talks, closed findings, duties moved), enough to make PostgreSQL do the same kind of work.
/// </summary>
internal static class SqlPeer
{
    public const string Table = "peer_records";

    /// <summary>The top-50 query of one year, as pgbench runs it.</summary>
    public static string TopQuery(int year) => $"""
        SELECT tenant, node,
              count(DISTINCT date_part('month', day)) FILTER (WHERE kind = 'BranchCommitteeMeeting' AND attendees * 2 > expected)
            + count(DISTINCT date_part('month', day)) FILTER (WHERE kind = 'ThemeDay')
            + count(DISTINCT date_part('month', day)) FILTER (WHERE kind = 'SmallGroupMeeting')
            + count(DISTINCT date_part('quarter', day)) FILTER (WHERE kind = 'BranchGeneralMeeting' AND attendees * 2 > expected)
            + count(DISTINCT date_part('quarter', day)) FILTER (WHERE kind = 'PartyLecture')
            + least(count(*) FILTER (WHERE kind = 'Talk'), 10)
            + least(count(*) FILTER (WHERE kind = 'FindingClosure'), 3)
            + least(count(*) FILTER (WHERE kind = 'DutyProgress'), 5) AS score
        FROM {Table}
        WHERE day BETWEEN '{year}-01-01' AND '{year}-12-31'
        GROUP BY tenant, node
        ORDER BY score DESC, tenant, node
        LIMIT 50;
        """;

    /// <summary>Copies every branch row of <paramref name="city"/> into the table (binary COPY); returns rows and seconds.</summary>
    public static async Task<(long Rows, double Seconds)> LoadAsync(string connectionString, IEnumerable<DemoTenant> city, string table = Table)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand(
            $"CREATE TABLE IF NOT EXISTS {table} (tenant text NOT NULL, node text NOT NULL, kind text NOT NULL, day date NOT NULL, attendees int NOT NULL, expected int NOT NULL)",
            connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        var clock = Stopwatch.StartNew();
        long rows = 0;
        foreach (var tenant in city)
        {
            await using var copy = await connection.BeginBinaryImportAsync(
                $"COPY {table} (tenant, node, kind, day, attendees, expected) FROM STDIN (FORMAT BINARY)");
            foreach (var node in tenant.Nodes.Where(n => n.IsBranch))
            {
                foreach (var row in node.Rows)
                {
                    var body = row.Body;
                    await copy.StartRowAsync();
                    await copy.WriteAsync(tenant.TenantId, NpgsqlDbType.Text);
                    await copy.WriteAsync(node.NodeId, NpgsqlDbType.Text);
                    await copy.WriteAsync(body.BodyCase == RecordBody.BodyOneofCase.Meeting ? body.Meeting.Kind.ToString() : body.BodyCase.ToString(), NpgsqlDbType.Text);
                    await copy.WriteAsync(DemoCity.DateOf(body), NpgsqlDbType.Date);
                    await copy.WriteAsync(body.BodyCase == RecordBody.BodyOneofCase.Meeting ? body.Meeting.Attendees : 0, NpgsqlDbType.Integer);
                    await copy.WriteAsync(body.BodyCase == RecordBody.BodyOneofCase.Meeting ? body.Meeting.ExpectedAttendees : 0, NpgsqlDbType.Integer);
                    rows++;
                }
            }

            await copy.CompleteAsync();
        }

        clock.Stop();
        await using (var analyze = new NpgsqlCommand($"ANALYZE {table}", connection))
        {
            await analyze.ExecuteNonQueryAsync();
        }

        return (rows, clock.Elapsed.TotalSeconds);
    }
}
