using BranchLedger.Contracts;

namespace BranchLedger.Integration.Tests.Grains;

public sealed class GrainKeysTests
{
    [Fact]
    public void Keys_start_with_the_tenant_and_read_back()
    {
        var key = GrainKeys.Ledger("womens-fed", "office-branch");
        Assert.Equal("womens-fed/office-branch", key);
        Assert.Equal("womens-fed", GrainKeys.TenantOf(key));
        Assert.Equal("office-branch", GrainKeys.LocalIdOf(key));
    }

    [Theory]
    [InlineData("", "branch")]
    [InlineData("tenant", "")]
    [InlineData("a/b", "branch")]
    [InlineData("tenant", "x/y")]
    [InlineData("Tenant", "branch")]
    public void Invalid_parts_never_make_a_key(string tenant, string branch) =>
        Assert.Throws<ArgumentException>(() => GrainKeys.Ledger(tenant, branch));
}
