using BranchLedger.Contracts.Ledger;
using Npgsql;
using Orleans.Serialization;

namespace BranchLedger.Grains.Ledger.Journal;

/// <summary>
/// The journal's rows as SQL, in one place: the store appends them and the migration of pre-journal
/// state copies them, so both write exactly the same columns.
/// </summary>
internal static class JournalRows
{
    /// <summary>Inserts a seal; a seal already held under its request id is left as it is.</summary>
    public const string InsertSeal = """
        INSERT INTO branchledger_journal_seals (ledger, request_id, year, requested_by, at, result)
        VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (ledger, request_id) DO NOTHING
        """;

    /// <summary>
    /// One record row. <paramref name="skipExisting"/> is for copies (a row already there is kept); an
    /// append must fail on a taken sequence or request id instead, which is how retries are recognised.
    /// </summary>
    public static NpgsqlBatchCommand Record(string ledger, LedgerRecord record, Serializer serializer, bool skipExisting = false)
    {
        var insert = new NpgsqlBatchCommand(
            "INSERT INTO branchledger_journal (ledger, seq, request_id, year, recorded_at, record) VALUES ($1, $2, $3, $4, $5, $6)"
            + (skipExisting ? " ON CONFLICT DO NOTHING" : ""));
        insert.Parameters.Add(new NpgsqlParameter { Value = ledger });
        insert.Parameters.Add(new NpgsqlParameter { Value = record.Sequence });
        insert.Parameters.Add(new NpgsqlParameter { Value = record.RequestId });
        insert.Parameters.Add(new NpgsqlParameter { Value = record.Body.Date.Year });
        insert.Parameters.Add(new NpgsqlParameter { Value = record.RecordedAt.UtcDateTime });
        insert.Parameters.Add(new NpgsqlParameter { Value = serializer.SerializeToArray(record) });
        return insert;
    }

    /// <summary>The parameters of <see cref="InsertSeal"/>.</summary>
    public static void AddSeal(NpgsqlParameterCollection parameters, string ledger, SealEvent seal, Serializer serializer)
    {
        parameters.Add(new NpgsqlParameter { Value = ledger });
        parameters.Add(new NpgsqlParameter { Value = seal.RequestId });
        parameters.Add(new NpgsqlParameter { Value = seal.Result!.Year });
        parameters.Add(new NpgsqlParameter { Value = seal.RequestedBy });
        parameters.Add(new NpgsqlParameter { Value = seal.At.UtcDateTime });
        parameters.Add(new NpgsqlParameter { Value = serializer.SerializeToArray(seal.Result) });
    }
}
