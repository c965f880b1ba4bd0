using BranchLedger.Domain.Validation;

namespace BranchLedger.Domain.Tests;

public class TextRulesTests
{
    [Theory]
    [InlineData("党组理论中心组学习", true)]
    [InlineData("emoji 🎉 ok", true)]
    [InlineData("tab\tand\r\nnewline", true)]
    [InlineData("nul\0", false)]
    [InlineData("escape\u001b[0m", false)]
    [InlineData("del\u007f", false)]
    public void Only_printable_text_is_storable(string value, bool storable) =>
        Assert.Equal(storable, TextRules.IsStorable(value));

    // Built in code: attribute arguments are stored as UTF-8, which would replace lone surrogates.
    [Fact]
    public void Lone_surrogates_are_not_storable()
    {
        Assert.False(TextRules.IsStorable("lone " + (char)0xD800 + " high"));
        Assert.False(TextRules.IsStorable("lone " + (char)0xDC00 + " low"));
        Assert.False(TextRules.IsStorable("ends with high " + (char)0xD83C));
        Assert.True(TextRules.IsStorable("pair " + (char)0xD83C + (char)0xDF89));
    }
}
