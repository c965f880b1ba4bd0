namespace BranchLedger.Domain.Reports;

/// <summary>
/// A record of a kind the report counts by its catalogue entry (<see cref="Ledger.Catalogue.RecordKindForm.Report"/>):
/// its fields as text, so one fact shape serves every such kind and a new kind needs no fact type of its own.
/// </summary>
/// <param name="NodeId">The node whose ledger holds it.</param>
/// <param name="Sequence">Its sequence number there.</param>
/// <param name="Family">Its kind, as the API names the body field (<c>activity</c>).</param>
/// <param name="Date">The day it is about.</param>
/// <param name="Fields">Per proto field name, its value: enums by their API name, numbers in invariant digits.</param>
public sealed record RecordFact(string NodeId, long Sequence, string Family, DateOnly Date, IReadOnlyDictionary<string, string> Fields);
