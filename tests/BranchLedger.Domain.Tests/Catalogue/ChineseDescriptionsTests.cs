using System.Text.RegularExpressions;
using BranchLedger.Domain.Validation;

namespace BranchLedger.Domain.Tests.Catalogue;

/// <summary>
/// Every description the rules write (found with grep over the domain, the contracts and the gateway's
/// ledger, date and listing checks) has a Chinese sentence, and no English is left in it.
/// </summary>
public partial class ChineseDescriptionsTests
{
    public static TheoryData<string> Descriptions() =>
    [
        // Violations: text, counts, ids.
        "is required",
        "must be at most 200 characters (got 250)",
        "must be at most 20000 characters (got 20001)",
        "must not contain control characters or invalid Unicode",
        "must not be negative",
        "must be at most 100000",
        "is required: every write carries a client request id",
        "must be 1 to 128 characters of A-Z, a-z, 0-9, '.', '_', ':' or '-'",
        "must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_', ':' or '-'",
        "must be 2 to 63 characters of a-z, 0-9 and '-', starting with a letter",
        // RecordRules.
        "must not be before 2000-01-01",
        "must not be in the future",
        "must be within ten years",
        "must be one of the defined values",
        "needs at least one entry",
        "must have at most 100 entries",
        "must have at most 20 entries",
        // EvidenceRules.
        "must be an absolute URI of at most 2000 characters",
        "is required: evidence without a hash cannot be verified",
        "must be 64 lower-case hexadecimal characters",
        "must be a media type such as application/pdf",
        // MeetingRules, TalkRules, roster check.
        "must not exceed expected_attendees",
        // Records files (RecordRows, ProtoValues).
        "'b2' is another node than the one imported into",
        "'visit' is not a record kind; one of meeting, talk",
        "not a field of Meeting",
        "'yes' is not true or false",
        "evidence cannot be given in a table; use the JSON format",
        "'2026-13-01' is not a day (yyyy-MM-dd)",
        "'lunch' is not a MeetingKind; one of party-group-meeting, theme-day",
        // AttendanceRules.
        "attendees (2) plus absences (2) must equal expected_attendees (3): 实到加缺席须等于应到",
        "must be one of 公差, 病假, 事假 or 其他 (OFFICIAL_DUTY, SICK_LEAVE, PERSONAL_LEAVE, OTHER)",
        "must hold at most 5000 entries (got 5001)",
        "must hold at most 5000 names (got 5001)",
        "names 3 people but attendees is 2",
        "must be 1 to 90 days (0 means the default, 7)",
        "is recorded for party lectures (党课) only",
        "is recorded for party lectures (党课) and special lectures (专题辅导) only",
        "must not exceed the 12 on the roster in force on 2026-03-01",
        "must differ from person_a",
        "must be at least 1",
        // Record details.
        "must be between 2000 and next year",
        "must be between 1 and 100",
        "ongoing remediation (长期坚持) has no deadline",
        "is required for 立行立改 and 限期整改",
        // Corrections, reviews, dates, listings, imports.
        "must name a record of this ledger, e.g. rec-17",
        "must be a record id such as rec-17",
        "must be a record, not another correction",
        "must be READ or RETURNED",
        "must be unspecified (every record), WAITING, RETURNED_UNANSWERED or ANSWERED",
        "is not a valid calendar day",
        "is not a time between 1900 and 9999",
        "is required: set exactly one kind of record",
        "is not a token from a previous page of this listing",
        "must be empty or one of: meeting, talk",
        "must be 0 (the live ledger) or a calendar year from 2000",
        "must be a year that has ended in the tenant's calendar (2000–2025)",
        "must hold 1 to 1000 rows (got 1001)",
        "must be a year (2026), a quarter (2026-Q1) or a month (2026-03)",
        "must be 0 (the serving version) or a published version",
        // Directory and rosters.
        "must be a single line without tabs",
        "must not be blank",
        "must not be the node itself",
        "must not exceed members (committee members are members)",
        "must be an IANA time zone id, e.g. Asia/Shanghai",
        "must have 1 to 500 nodes (has 501)",
        "must name at most 300 people; larger nodes keep counts only",
        "repeats member_names[0]: give two people of one name distinct display names, e.g. 张伟（办公室）",
        "must be well-formed Unicode text without control characters (other than tabs and line breaks)",
        "must be greater than 0",
        "must have at most 2 decimal places",
    ];

    [Theory]
    [MemberData(nameof(Descriptions))]
    public void Every_description_of_the_rules_reads_in_Chinese_without_English(string description)
    {
        var chinese = ChineseDescriptions.Of(description);

        Assert.NotEqual(ChineseDescriptions.Fallback, chinese);
        Assert.Matches(Han(), chinese);
        Assert.DoesNotMatch(English(), chinese);
    }

    [Theory]
    [InlineData("is required", "必填")]
    [InlineData("must be at most 200 characters (got 250)", "最多 200 个字（现有 250 个）")]
    [InlineData("must not be in the future", "不能晚于今天")]
    [InlineData("must not exceed expected_attendees", "不能多于应到人数")]
    [InlineData("must not be before 2000-01-01", "不能早于 2000-01-01")]
    public void Numbers_and_days_are_carried_into_the_Chinese(string description, string chinese) =>
        Assert.Equal(chinese, ChineseDescriptions.Of(description));

    [Theory]
    [InlineData("a sentence no rule writes")]
    [InlineData("")]
    [InlineData("is required but differently")]
    public void An_unknown_description_reads_as_a_plain_Chinese_fallback(string description)
    {
        Assert.Equal("填写有误", ChineseDescriptions.Of(description));
        Assert.DoesNotMatch(English(), ChineseDescriptions.Of(description));
    }

    // Two ASCII letters in a row are English; single letters in examples such as 2026-Q1 are not words.
    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex English();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}
