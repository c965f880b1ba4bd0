using BranchLedger.Domain.Access;

namespace BranchLedger.Domain.Tests.Access;

public sealed class ApiKeyTextTests
{
    [Fact]
    public void A_new_key_parses_into_its_id_and_a_secret_matching_its_hash()
    {
        var (id, text, hash) = ApiKeyText.Create();
        Assert.True(ApiKeyText.TryParse(text, out var parsedId, out var secret));
        Assert.Equal(id, parsedId);
        Assert.True(ApiKeyText.Matches(secret, hash));
        Assert.False(ApiKeyText.Matches(secret + "x", hash));
        Assert.DoesNotContain(secret, hash, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("blk_")]
    [InlineData("blk_0123456789abcdef")]
    [InlineData("blk_0123456789ABCDEF_secret")]
    [InlineData("xyz_0123456789abcdef_secret")]
    public void Other_text_is_not_a_key(string text) => Assert.False(ApiKeyText.TryParse(text, out _, out _));

    [Fact]
    public void Two_keys_never_share_an_id_or_secret()
    {
        var a = ApiKeyText.Create();
        var b = ApiKeyText.Create();
        Assert.NotEqual(a.Id, b.Id);
        Assert.NotEqual(a.Text, b.Text);
    }
}
