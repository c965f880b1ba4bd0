using System.Text.RegularExpressions;

namespace BranchLedger.Domain.Validation;

/// <summary>
/// The Chinese of a field violation's description, for the person at the form. Descriptions stay
/// English for developers and logs; the gateway adds this text as the violation's localized message.
/// Every description the rules produce has a sentence here; anything else (a new rule not yet
/// translated) reads 填写有误 rather than leaving English in front of the user.
/// </summary>
public static partial class ChineseDescriptions
{
    /// <summary>The locale of <see cref="Of"/>'s text (BCP 47, as google.rpc.LocalizedMessage wants it).</summary>
    public const string Locale = "zh-CN";

    /// <summary>What an unknown description reads as.</summary>
    public const string Fallback = "填写有误";

    // Ordered: the first pattern that matches the whole description wins, so specific sentences come
    // before the general ones that share their start.
    private static readonly (Regex Pattern, Func<Match, string> Chinese)[] Sentences =
    [
        // Records files (CSV, Excel) read for imports (reports/BranchLedger.RecordFiles).
        (R(@"'.*' is another node than the one imported into"), _ => "属于其他支部，不能导入所选支部"),
        (R(@"'.*' is not a record kind; one of .*"), _ => "不是可导入的记录类型，请核对记录类型一列"),
        (R(@"not a field of \w+"), _ => "不是这类记录的列，请核对列名"),
        (R(@"'.*' is not true or false"), _ => "只能填写是或否的取值"),
        (R(@"\w+ cannot be given in a table; use the JSON format"), _ => "不能在表格中填写，请改用命令行工具导入"),
        (R(@"'.*' is not a day \(yyyy-MM-dd\)"), _ => "不是有效日期（应写作 2026-03-12）"),
        (R(@"'.*' is not a \w+; one of .*"), _ => "不是允许的取值"),
        // Attendance (AttendanceRules).
        (R(@"attendees \((\d+)\) plus absences \((\d+)\) must equal expected_attendees \((\d+)\).*"), m => $"实到（{m.Groups[1]}）加缺席（{m.Groups[2]}）须等于应到（{m.Groups[3]}）"),
        (R(@"must be one of 公差, 病假, 事假 or 其他.*"), _ => "请选择缺席原因：公差、病假、事假或其他"),
        (R(@"must hold at most (\d+) entries \(got (\d+)\)"), m => $"最多 {m.Groups[1]} 条（现有 {m.Groups[2]} 条）"),
        (R(@"must hold at most (\d+) names \(got (\d+)\)"), m => $"最多 {m.Groups[1]} 个姓名（现有 {m.Groups[2]} 个）"),
        (R(@"names (\d+) people but attendees is (\d+)"), m => $"列了 {m.Groups[1]} 个姓名，但实到人数为 {m.Groups[2]}"),
        (R(@"must be 1 to (\d+) days \(0 means the default, (\d+)\)"), m => $"须为 1 到 {m.Groups[1]} 天（填 0 即默认的 {m.Groups[2]} 天）"),
        (R(@"is required: every write carries a client request id"), _ => "必填：每次提交都要带请求编号"),
        (R(@"is required: evidence without a hash cannot be verified"), _ => "必填：没有哈希值的佐证材料无法核验"),
        (R(@"is required: set exactly one kind of record"), _ => "必填：须填写且只填写一种记录"),
        (R(@"is required: a rubric as a JSON document"), _ => "必填：须提供评分细则文档"),
        (R(@"is required for 立行立改 and 限期整改"), _ => "立行立改和限期整改必须填写整改时限"),
        (R(@"is required for linearToTarget and threshold"), _ => "按目标线性计分和达标计分时必填"),
        (R(@"is required when committee_names are given.*"), _ => "填写了支委名单时必填：每位支委都要与每位党员谈心谈话"),
        (R(@"is required: one of .*"), _ => "必填，请从列表中选择"),
        (R(@"is required"), _ => "必填"),
        (R(@"must be at most (\d+) characters \(got (\d+)\)"), m => $"最多 {m.Groups[1]} 个字（现有 {m.Groups[2]} 个）"),
        (R(@"(.+) must be at most (\d+) printable characters"), m => $"最多 {m.Groups[2]} 个可打印字符"),
        (R(@"must not contain control characters or invalid Unicode"), _ => "不能含有控制字符或无效字符"),
        (R(@"must be well-formed Unicode text without control characters.*"), _ => "不能含有控制字符或无效字符"),
        (R(@"must not contain invalid Unicode escapes.*"), _ => "不能含有无效的字符转义"),
        (R(@"must not be negative"), _ => "不能为负数"),
        (R(@"version must not be negative"), _ => "版本号不能为负数"),
        (R(@"must be at most 1: the measure is a rate"), _ => "不能大于 1：这是一个比率"),
        (R(@"must be at most ([\d.,]+)"), m => $"不能大于 {m.Groups[1]}"),
        (R(@"must be at least ([\d.,]+)"), m => $"不能小于 {m.Groups[1]}"),
        (R(@"must be greater than 0"), _ => "须大于 0"),
        (R(@"must be between (\d+) and next year"), m => $"须在 {m.Groups[1]} 年到明年之间"),
        (R(@"must be between ([\d.]+) and ([\d.]+)"), m => $"须在 {m.Groups[1]} 到 {m.Groups[2]} 之间"),
        (R(@"must be 1 to (\d+) characters of A-Z, a-z, 0-9, '\.', '_', ':' or '-'"), m => $"须为 1 到 {m.Groups[1]} 个字母、数字或 . _ : - 符号"),
        (R(@"must be 2 to 63 characters of a-z, 0-9 and '-', starting with a letter"), _ => "须为 2 到 63 个小写字母、数字或连字符，以字母开头"),
        (R(@"must be an absolute URI of at most (\d+) characters"), m => $"须为完整的网址，最多 {m.Groups[1]} 个字符"),
        (R(@"must be 64 lower-case hexadecimal characters"), _ => "须为 64 位小写十六进制字符"),
        (R(@"must be a media type such as .*"), _ => "须为有效的文件类型"),
        (R(@"must not exceed expected_attendees"), _ => "不能多于应到人数"),
        (R(@"must not exceed the (\d+) on the roster in force on (\d{4}-\d{2}-\d{2})"), m => $"不能多于 {m.Groups[2]} 名册上的 {m.Groups[1]} 人"),
        (R(@"must not exceed members.*"), _ => "不能多于党员人数"),
        (R(@"is recorded for party lectures \(党课\) only"), _ => "只有党课填写"),
        (R(@"is recorded for outreach talks \(宣讲\) only"), _ => "只有宣讲填写"),
        (R(@"is recorded for party lectures \(党课\) and special lectures \(专题辅导\) only"), _ => "只有党课和专题辅导填写"),
        (R(@"must differ from person_a"), _ => "不能与谈话人相同"),
        (R(@"must be one of the defined values"), _ => "请从列表中选择"),
        (R(@"must be one of the (node|body) kinds"), _ => "请从列表中选择"),
        (R(@"must be empty or one of: .*"), _ => "须为空或列表中的值"),
        (R(@"must be one of: .*"), _ => "请从列表中选择"),
        (R(@"must not be before (\d{4}-\d{2}-\d{2})"), m => $"不能早于 {m.Groups[1]}"),
        (R(@"must not be before effective_from"), _ => "不能早于生效日期"),
        (R(@"must not be in the future"), _ => "不能晚于今天"),
        (R(@"must not be more than a year ahead"), _ => "不能晚于一年以后"),
        (R(@"must be within ten years"), _ => "须在十年以内"),
        (R(@"needs at least one entry"), _ => "至少填写一条"),
        (R(@"must have at most (\d+) entries"), m => $"最多 {m.Groups[1]} 条"),
        (R(@"must be between 1 and 100"), _ => "须在 1 到 100 之间"),
        (R(@"ongoing remediation \(长期坚持\) has no deadline"), _ => "长期坚持的整改不设整改时限"),
        (R(@"is not a valid calendar day"), _ => "不是有效的日期"),
        (R(@"is not a time between 1900 and 9999"), _ => "不是 1900 年到 9999 年之间的时间"),
        (R(@"must name a record of this ledger, e\.g\. rec-17"), _ => "须为本台账中的记录编号"),
        (R(@"must be a record id such as rec-17"), _ => "须为记录编号"),
        (R(@"must be a record, not another correction"), _ => "须为一条记录，不能是另一条更正"),
        (R(@"must be READ or RETURNED"), _ => "须为已阅或退回"),
        (R(@"must be unspecified \(every record\), WAITING, RETURNED_UNANSWERED or ANSWERED"), _ => "须为全部、待审阅、退回未答复或已答复"),
        (R(@"must be a year \(2026\), a quarter \(2026-Q1\) or a month \(2026-03\)"), _ => "须为年份（2026）、季度（2026-Q1）或月份（2026-03）"),
        (R(@"period '.*' is not YYYY, YYYY-Qn or YYYY-MM"), _ => "须为年份（2026）、季度（2026-Q1）或月份（2026-03）"),
        (R(@"must be 0 \(the live ledger\) or a calendar year from 2000"), _ => "须为 0（现行台账）或 2000 年以后的年份"),
        (R(@"must be 0 \(the serving version\) or a published version"), _ => "须为 0（现行版本）或已发布的版本"),
        (R(@"must be a year that has ended in the tenant's calendar \((\d+)–(\d+)\)"), m => $"须为已结束的年份（{m.Groups[1]}–{m.Groups[2]}）"),
        (R(@"must be a year that has ended in the tenant's calendar.*"), _ => "须为已结束的年份"),
        (R(@"is not a token from a previous page of this listing"), _ => "不是本列表上一页给出的翻页标记"),
        (R(@"must hold 1 to (\d+) rows \(got (\d+)\)"), m => $"须有 1 到 {m.Groups[1]} 行（现有 {m.Groups[2]} 行）"),
        (R(@"must have 1 to (\d+) nodes \(has (\d+)\)"), m => $"须有 1 到 {m.Groups[1]} 个单位（现有 {m.Groups[2]} 个）"),
        (R(@"must name 1 to (\d+) branches \(got (\d+)\)"), m => $"须有 1 到 {m.Groups[1]} 个支部（现有 {m.Groups[2]} 个）"),
        (R(@"must name at most (\d+) people; larger nodes keep counts only"), m => $"最多填写 {m.Groups[1]} 人；人数更多的单位只记人数"),
        (R(@"must name all (\d+) members, committee members included \(got (\d+)\)"), m => $"须填写全部 {m.Groups[1]} 名党员，含支委（现有 {m.Groups[2]} 名）"),
        (R(@"must name all (\d+) committee members when member_names are given \(got (\d+)\)"), m => $"填写了党员名单时须填写全部 {m.Groups[1]} 名支委（现有 {m.Groups[2]} 名）"),
        (R(@"must also be in member_names: committee members are members"), _ => "支委也须列在党员名单中"),
        (R(@"must be one of committee_names: the secretary sits on the committee"), _ => "书记须是支委之一"),
        (R(@"repeats .*: give two people of one name distinct display names.*"), _ => "与前面的姓名重复：同名的两人请加以区分，如 张伟（办公室）"),
        (R(@"repeats .*: every entry needs its own request id"), _ => "与前面的请求编号重复：每一条都要有自己的请求编号"),
        (R(@"repeats .*"), _ => "与前面的内容重复"),
        (R(@"names the same branch as .*"), _ => "与前面的支部重复"),
        (R(@"must be a single line without tabs"), _ => "须为一行，不能含制表符"),
        (R(@"must not be blank"), _ => "不能为空"),
        (R(@"must not be the node itself"), _ => "不能是本单位自己"),
        (R(@"must be an IANA time zone id.*"), _ => "须为有效的时区，如 亚洲/上海"),
        (R(@"must have at most 2 decimal places"), _ => "最多两位小数"),
        (R(@"must not come before from_period"), _ => "不能早于起始期间"),
        (R(@"must be at most (\d+) periods from from_period"), m => $"与起始期间最多相隔 {m.Groups[1]} 个期间"),
        (R(@"must list at least one (category|grade band)"), _ => "至少填写一项"),
        (R(@"must (?:list|hold) at most (\d+) .*"), m => $"最多 {m.Groups[1]} 项"),
        // Report templates and preambles (reports/BranchLedger.Reports, ReportTemplateRules; the gateway's ReportService).
        (R(@"is required: a report template as a JSON document"), _ => "必填：报告模板（JSON 文档）"),
        (R(@"is not a report template.*"), _ => "不是有效的报告模板：JSON 格式或字段有误"),
        (R(@"must have 1 to (\d+) (sections|entries) \(got (\d+)\)"), m => $"须有 1 到 {m.Groups[1]} 项（现有 {m.Groups[3]} 项）"),
        (R(@"must have at most (\d+) paragraphs \(got (\d+)\)"), m => $"最多 {m.Groups[1]} 段（现有 {m.Groups[2]} 段）"),
        (R(@"must be 0 \(untitled text\), 1 .*"), _ => "层级须为 0（无标题）、1（一、…）或 2（（一）…）"),
        (R(@"must be Problem, Cause or NextStep"), _ => "自评部分须为 Problem（存在问题）、Cause（原因分析）或 NextStep（下一步）"),
        (R(@"must place the year's preamble.*"), _ => "须放置年度开篇语占位符 {preamble}"),
        (R(@"must have a section with ""selfAssessment"".*"), _ => "须有一节列出该部分的自评记录"),
        (R(@"is not a figure of the report.*"), _ => "不是报告中的数字"),
        (R(@"must be an object with label, some and none"), _ => "须填写 label、some 和 none"),
        (R(@"is only allowed with ""all"".*"), _ => "须与 all（数字为全部时的说法）一起填写"),
        (R(@"needs exactly one whole to compare with.*"), _ => "须填写且只填写一个比较对象：allOf（数字键）或 allAt（数值）"),
        (R(@"must be from 1 to (\d+) \(got (-?\d+)\)"), m => $"须为 1 到 {m.Groups[1]}（现为 {m.Groups[2]}）"),
        (R(@"is not a record kind with a report sentence.*"), _ => "不是有报告语句的记录类型"),
        (R(@"must have exactly (\d+) column names \(got (\d+)\)"), m => $"须恰好有 {m.Groups[1]} 个列名（现有 {m.Groups[2]} 个）"),
        (R(@"has unknown placeholder\(s\) (.*) here"), m => $"含有此处不能使用的占位符：{m.Groups[1]}"),
        (R(@"is required: the revision of the draft to adopt.*"), _ => "必填：要采用的草稿修订号"),
        (R(@"must be 0 \(the version in force\) or an adopted version"), _ => "须为 0（现行版本）或已采用的版本号"),
        (R(@"is not well-formed JSON.*"), _ => "格式有误"),
        (R(@"must be a (JSON object|object|string|number|whole number.*|an array)"), _ => "格式有误"),
        (R(@"must be an array"), _ => "格式有误"),
        (R(@"is out of range"), _ => "超出范围"),
        (R(@"'.*' is not a grant\.?"), _ => "不是有效的授权"),
    ];

    /// <summary>The Chinese of one description; <see cref="Fallback"/> for a description not known here.</summary>
    public static string Of(string description)
    {
        var text = description.Trim();
        foreach (var (pattern, chinese) in Sentences)
        {
            var match = pattern.Match(text);
            if (match.Success)
            {
                return chinese(match);
            }
        }

        return Fallback;
    }

    private static Regex R(string sentence) => new("^" + sentence + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
