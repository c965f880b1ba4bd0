using BranchLedger.Domain.Validation;

namespace BranchLedger.Domain.Tests;

public class IdentifierTests
{
    [Theory]
    [InlineData("ab", true)]
    [InlineData("office-branch-2", true)]
    [InlineData("a", false)]
    [InlineData("2branch", false)]
    [InlineData("Branch", false)]
    [InlineData("a/b", false)]
    [InlineData("a b", false)]
    [InlineData("", false)]
    public void Slugs_are_lower_case_words_that_cannot_hold_the_key_separator(string value, bool valid) =>
        Assert.Equal(valid, Identifiers.IsSlug(value));

    [Fact]
    public void Slugs_are_at_most_63_characters()
    {
        Assert.True(Identifiers.IsSlug("a" + new string('b', 62)));
        Assert.False(Identifiers.IsSlug("a" + new string('b', 63)));
    }

    [Theory]
    [InlineData("3f2504e0-4f89-11d3-9a0c-0305e82c3301", true)]
    [InlineData("import:row.17_a", true)]
    [InlineData("has space", false)]
    [InlineData("请求", false)]
    [InlineData("", false)]
    public void Request_ids_are_short_ascii_tokens(string value, bool valid) =>
        Assert.Equal(valid, Identifiers.IsRequestId(value));

    [Fact]
    public void Request_ids_are_at_most_128_characters()
    {
        Assert.True(Identifiers.IsRequestId(new string('a', 128)));
        Assert.False(Identifiers.IsRequestId(new string('a', 129)));
    }

    [Fact]
    public void Violations_name_missing_and_malformed_ids()
    {
        var found = new Violations().RequestId("request_id", "").Slug("branch_id", "Bad/Id").Items;
        Assert.Equal(["request_id", "branch_id"], found.Select(v => v.Field));
    }
}
