using System.Security.Cryptography;
using System.Text;
using BranchLedger.Contracts.Ledger;
using BranchLedger.Domain.Ledger;

namespace BranchLedger.Bench;

/// <summary>
/// Realistic, deterministic ledger records: about 80 % meetings and study sessions (every meeting
/// kind), 20 % talks; topics of about 20 Chinese characters, notes of about 100 (minutes-style:
/// chair, attendance, who led the study, what was stressed), recorders from a small roster, and — by
/// default — one evidence reference (URI, SHA-256, media type) on every fourth record. The same seed
/// gives the same records, so two ledgers fed by two factories with one seed hold the same content.
/// </summary>
internal sealed class RecordFactory(int seed, bool withEvidence)
{
    private static readonly string[] Verbs = ["学习贯彻", "专题学习", "研究部署", "传达学习", "集中学习", "深入学习", "交流研讨", "贯彻落实", "认真学习贯彻", "深入学习领会", "传达学习贯彻"];

    private static readonly string[] Subjects =
    [
        "党的二十届三中全会精神", "习近平总书记重要讲话精神", "中央八项规定及其实施细则精神", "《中国共产党纪律处分条例》",
        "全面从严治党主体责任", "意识形态工作责任制", "基层党组织标准化规范化建设", "模范机关创建工作", "年度发展党员工作计划",
        "主题教育整改落实情况", "党风廉政建设工作要点", "巡察反馈问题整改", "“三会一课”制度执行情况", "党费收缴使用管理规定",
        "新时代机关党建工作", "《中国共产党支部工作条例》", "基层治理与党建引领", "作风建设专项整治",
    ];

    private static readonly string[] Suffixes = ["专题会", "交流研讨", "工作部署", "暨季度工作推进", "集中学习", "专题党课", "学习研讨会"];

    private static readonly string[] Actions =
    [
        "切实把思想和行动统一到党中央决策部署上来", "持续深化作风建设", "压紧压实全面从严治党主体责任", "扎实推进模范机关创建",
        "推动学习成果转化为工作实效", "严格落实“三会一课”制度", "加强党员日常教育管理", "以高质量党建引领业务发展",
        "抓好问题整改和成果运用", "坚持把纪律和规矩挺在前面", "认真开展批评与自我批评", "主动接受党员群众监督",
    ];

    private static readonly string[] Closings =
    [
        "会议形成纪要并按要求归档。", "会后各党小组将组织专题讨论。", "会议对下阶段重点工作作出具体安排。", "与会同志一致表示坚决贯彻落实。",
        "会议还通报了近期党建工作进展情况。", "会议明确责任分工和完成时限。",
    ];

    private static readonly string[] Names =
    [
        "张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周杰", "吴婷",
        "徐强", "孙丽", "马超", "朱琳", "胡斌", "郭鹏", "何雪", "林涛", "高峰", "罗丹",
    ];

    private static readonly string[] TalkTopics =
    [
        "开展节前廉政提醒谈话暨纪律教育", "新任职干部任前廉政谈话和廉洁提醒", "年度谈心谈话：听取对班子的意见建议",
        "对苗头性倾向性问题开展谈话提醒", "集体廉政谈话暨警示教育案例通报学习", "关键岗位人员廉政风险防控提示谈话",
        "年轻干部成长成才谈心谈话", "巡察整改专项谈话及整改要求部署",
    ];

    private static readonly string[] Recorders = ["secretary-zhang", "organiser-li", "oa-sync", "discipline-wang"];

    private static readonly MeetingKind[] MeetingKinds = Enum.GetValues<MeetingKind>().Where(k => k != MeetingKind.Unspecified).ToArray();

    private readonly Random _random = new(seed);

    /// <summary>Sum of topic and notes lengths (characters) and record counts, for the report.</summary>
    public long TopicChars { get; private set; }

    public long NotesChars { get; private set; }

    public int Meetings { get; private set; }

    public int Talks { get; private set; }

    public int WithEvidence { get; private set; }

    public AppendCommand Next(string requestId, DateOnly date, int index)
    {
        RecordBody body = _random.Next(5) == 0 ? Talk(date) : Meeting(date);
        var evidence = withEvidence && index % 4 == 0 ? Evidence(requestId, date) : [];
        WithEvidence += evidence.Length;
        return new AppendCommand
        {
            RequestId = requestId,
            RecordedBy = Pick(Recorders),
            Body = body,
            Evidence = evidence,
        };
    }

    private MeetingDetails Meeting(DateOnly date)
    {
        var kind = Pick(MeetingKinds);
        var expected = _random.Next(5, 40);
        var attendees = expected - (_random.Next(3) == 0 ? _random.Next(1, 4) : 0);
        var topic = Topic();
        var absent = attendees < expected ? $"，{expected - attendees}人因公请假" : "";
        var notes = $"会议由{Pick(Names)}主持，应到{expected}人，实到{attendees}人{absent}。{Pick(Names)}领学{Pick(Subjects)}，"
            + $"{_random.Next(2, 8)}名同志结合岗位实际作交流发言。会议强调，要{Pick(Actions)}，{Pick(Actions)}。{Pick(Closings)}";
        var lecture = kind == MeetingKind.PartyLecture;
        Meetings++;
        Count(topic, notes);
        return new MeetingDetails
        {
            Kind = kind,
            Date = date,
            Topic = topic,
            Notes = notes,
            Attendees = attendees,
            ExpectedAttendees = expected,
            FirstAgendaItem = _random.Next(2) == 0,
            Lecturer = lecture ? Pick(Names) : "",
            LecturedBySecretary = lecture && _random.Next(2) == 0,
        };
    }

    private TalkDetails Talk(DateOnly date)
    {
        var kind = (TalkKind)_random.Next(1, 5);
        var a = Pick(Names);
        var b = Pick(Names);
        while (b == a)
        {
            b = Pick(Names);
        }

        var topic = Pick(TalkTopics);
        var notes = kind == TalkKind.HeartToHeart
            ? $"{a}与{b}开展谈心谈话，围绕思想状况、工作作风和廉洁自律等方面坦诚交流，{b}表示将{Pick(Actions)}，{Pick(Actions)}。{Pick(Closings)}"
            : $"由{a}对{_random.Next(1, 9)}名同志开展谈话，通报典型案例，提出具体要求。谈话对象表示将{Pick(Actions)}，{Pick(Actions)}。{Pick(Closings)}";
        Talks++;
        Count(topic, notes);
        return new TalkDetails
        {
            Kind = kind,
            Date = date,
            Topic = topic,
            Notes = notes,
            People = kind == TalkKind.HeartToHeart ? 2 : _random.Next(1, 9),
            PersonA = kind == TalkKind.HeartToHeart ? a : "",
            PersonB = kind == TalkKind.HeartToHeart ? b : "",
        };
    }

    private string Topic()
    {
        var suffix = Pick(Suffixes);
        if (_random.Next(6) == 0)
        {
            suffix = $"（第{_random.Next(1, 13)}期）";
        }

        return Pick(Verbs) + Pick(Subjects) + suffix;
    }

    private EvidenceRef[] Evidence(string requestId, DateOnly date)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(requestId)));
        var pdf = _random.Next(3) != 0;
        var uri = $"https://files.branchledger.example/bench/{date.Year}/{hash[..16]}.{(pdf ? "pdf" : "jpg")}";
        return [new EvidenceRef(uri, hash, pdf ? "application/pdf" : "image/jpeg")];
    }

    private void Count(string topic, string notes)
    {
        TopicChars += topic.Length;
        NotesChars += notes.Length;
    }

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];
}
