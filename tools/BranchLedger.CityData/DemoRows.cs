using BranchLedger.Api.V1;

namespace BranchLedger.CityData;

/// <summary>
/// Collects one node's rows of one planned year. Request ids are <c>demo:{year}:{key}</c>, the key
/// naming the record's place in the plan (month, quarter, pair, duty item …), never its position in a
/// batch: a row keeps its id whichever day the city is generated on.
/// </summary>
internal sealed class DemoRows(int year)
{
    private readonly List<ImportRow> _rows = [];

    public int Year => year;

    public IReadOnlyList<ImportRow> Rows => _rows;

    public static Google.Type.Date D(DateOnly day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };

    public DateOnly Day(int month, int day) => new(year, month, day);

    public void Add(string key, RecordBody body) => _rows.Add(new ImportRow { RequestId = $"demo:{year}:{key}", Body = body });

    public void Meeting(
        string key, MeetingKind kind, DateOnly date, string topic, int attendees, int expected,
        bool firstAgendaItem = false, string lecturer = "", bool bySecretary = false) =>
        Add(key, new RecordBody
        {
            Meeting = new Meeting
            {
                Kind = kind, Date = D(date), Topic = topic, Attendees = attendees, ExpectedAttendees = expected,
                FirstAgendaItem = firstAgendaItem, Lecturer = lecturer, LecturedBySecretary = bySecretary,
            },
        });

    public void Talk(string key, TalkKind kind, DateOnly date, string topic, int people, string personA = "", string personB = "") =>
        Add(key, new RecordBody { Talk = new Talk { Kind = kind, Date = D(date), Topic = topic, People = people, PersonA = personA, PersonB = personB } });

    public void Honour(string key, DateOnly date, string title, string recipient, RecipientKind kind, RecognitionLevel level, string awardedBy) =>
        Add(key, new RecordBody
        {
            Honour = new Honour { Date = D(date), Title = title, Recipient = recipient, RecipientKind = kind, Level = level, AwardedBy = awardedBy },
        });

    public void Brand(string key, DateOnly date, string name, RecognitionLevel level, BrandStatus status) =>
        Add(key, new RecordBody { BrandProject = new BrandProject { Date = D(date), Name = name, Level = level, Status = status } });
}
