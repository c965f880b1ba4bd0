using System.Globalization;
using System.Text;

namespace BranchLedger.Reports;

/// <summary>
/// Whole numbers in Chinese numerals as a report writes a small count in words (一名干部, 十二次, 一百零五人):
/// 0 to 9,999; larger numbers stay in digits, which a report writes them in anyway.
/// </summary>
public static class ChineseNumerals
{
    private const string Digits = "零一二三四五六七八九";
    private static readonly string[] Places = ["", "十", "百", "千"];

    /// <summary>The number in Chinese numerals (0–9,999), or in digits outside that range.</summary>
    public static string Of(int value)
    {
        if (value is < 0 or > 9_999)
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        if (value == 0)
        {
            return "零";
        }

        var digits = value.ToString(CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        var zero = false;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[i] - '0';
            var place = digits.Length - 1 - i;
            if (d == 0)
            {
                zero = true;
                continue;
            }

            if (zero)
            {
                text.Append('零');
                zero = false;
            }

            // 十 rather than 一十 at the head of a number below 20 (十二, not 一十二); 一百一十 keeps its 一 inside.
            if (!(d == 1 && place == 1 && text.Length == 0))
            {
                text.Append(Digits[d]);
            }

            text.Append(Places[place]);
        }

        return text.ToString();
    }
}
