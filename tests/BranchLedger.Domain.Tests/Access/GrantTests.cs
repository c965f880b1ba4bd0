using BranchLedger.Domain.Access;

namespace BranchLedger.Domain.Tests.Access;

public sealed class GrantTests
{
    [Theory]
    [InlineData("platform-admin@*")]
    [InlineData("supervisor@*")]
    [InlineData("tenant-admin@acme")]
    [InlineData("branch-secretary@acme#b1,b2")]
    [InlineData("auditor@acme,beta")]
    [InlineData("system-client@acme!tenant.read,records.write")]
    [InlineData("verifier@acme")]
    [InlineData("verifier@acme#b1")]
    public void A_grant_reads_back_as_it_was_written(string text)
    {
        var grant = Grant.Parse(text);
        Assert.NotNull(grant);
        Assert.Equal(text, grant.ToString());
        Assert.Null(GrantRules.Problem(grant));
    }

    [Theory]
    [InlineData("")]
    [InlineData("root@*")]
    [InlineData("tenant-admin")]
    [InlineData("tenant-admin@ACME")]
    [InlineData("branch-secretary@acme#")]
    [InlineData("system-client@acme!everything")]
    public void Anything_else_is_not_a_grant(string text) => Assert.Null(Grant.Parse(text));

    [Theory]
    [InlineData("supervisor@acme", "every tenant")]
    [InlineData("tenant-admin@*", "exactly one tenant")]
    [InlineData("tenant-admin@acme,beta", "exactly one tenant")]
    [InlineData("branch-secretary@acme", "names their branches")]
    [InlineData("auditor@acme#b1", "only branch secretaries and verifiers")]
    [InlineData("verifier@*", "exactly one tenant")]
    [InlineData("system-client@acme!findings.verify", "a system client may only")]
    [InlineData("system-client@acme", "names its permissions")]
    [InlineData("system-client@acme!city.read", "every tenant")]
    [InlineData("auditor@acme!tenant.read", "only system clients")]
    public void Malformed_grants_say_what_is_wrong(string text, string problem) =>
        Assert.Contains(problem, GrantRules.Problem(Grant.Parse(text)!), StringComparison.Ordinal);

    [Fact]
    public void Sets_are_written_in_order_so_equal_grants_spell_the_same()
    {
        Assert.Equal("auditor@a1,b2", Grant.Parse("auditor@b2,a1")!.ToString());
        Assert.Equal("branch-secretary@acme#x1,y2", Grant.Parse("branch-secretary@acme#y2,x1")!.ToString());
    }
}
