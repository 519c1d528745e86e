using EnergyActors.Gateway.Access;

namespace EnergyActors.Tests.Access;

/// <summary>The key text: what a new key looks like, which texts name a key id, and how keys are hashed and compared.</summary>
public sealed class ApiKeyTextTests
{
    private const string Valid = "ea_0123456789abcdef_q7Vx0Zf3LrT9mB2kWc8uYdN4hJs6EaPo1Gi5KlRtXyQ";

    [Fact]
    public void A_new_key_carries_its_id_and_256_random_bits_and_no_two_are_alike()
    {
        var keys = Enumerable.Range(0, 1000).Select(_ => ApiKeyText.Create()).ToList();
        Assert.All(keys, k =>
        {
            Assert.Matches("^ea_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$", k.Key);
            Assert.Equal(ApiKeyText.Length, k.Key.Length);
            Assert.True(ApiKeyText.TryGetKeyId(k.Key, out var keyId));
            Assert.Equal(k.KeyId, keyId.ToString());
        });
        Assert.Equal(keys.Count, keys.Select(k => k.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(keys.Count, keys.Select(k => k.KeyId).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("")]
    [InlineData("ea_")]
    [InlineData("EA_0123456789abcdef_q7Vx0Zf3LrT9mB2kWc8uYdN4hJs6EaPo1Gi5KlRtXyQ")]
    [InlineData("ea-0123456789abcdef_q7Vx0Zf3LrT9mB2kWc8uYdN4hJs6EaPo1Gi5KlRtXyQ")]
    [InlineData("ea_0123456789ABCDEF_q7Vx0Zf3LrT9mB2kWc8uYdN4hJs6EaPo1Gi5KlRtXyQ")]
    [InlineData("ea_0123456789abcdeg_q7Vx0Zf3LrT9mB2kWc8uYdN4hJs6EaPo1Gi5KlRtXyQ")]
    [InlineData("ea_0123456789abcdef-q7Vx0Zf3LrT9mB2kWc8uYdN4hJs6EaPo1Gi5KlRtXyQ")]
    [InlineData("ea_0123456789abcdef_q7Vx0Zf3LrT9mB2kWc8uYdN4hJs6EaPo1Gi5KlRtXy")]
    [InlineData("ea_0123456789abcdef_q7Vx0Zf3LrT9mB2kWc8uYdN4hJs6EaPo1Gi5KlRtXyQQ")]
    [InlineData("ea_0123456789abcdef_q7Vx0Zf3LrT9mB2kWc8uYdN4hJs6EaPo1Gi5KlRtX+Q")]
    [InlineData("ea_0123456789abcdef_q7Vx0Zf3LrT9mB2kWc8uYdN4hJs6EaPo1Gi5KlRtX=Q")]
    [InlineData("ea_0123456789abcdef_q7Vx0Zf3LrT9mB2kWc8uYdN4hJs6EaPo1Gi5KlRtXéQ")]
    [InlineData(" ea_0123456789abcdef_q7Vx0Zf3LrT9mB2kWc8uYdN4hJs6EaPo1Gi5KlRtXy")]
    public void Text_that_is_not_a_key_names_no_key_id(string text) => Assert.False(ApiKeyText.TryGetKeyId(text, out _));

    [Fact]
    public void A_valid_key_names_its_key_id() =>
        Assert.Equal("0123456789abcdef", ApiKeyText.TryGetKeyId(Valid, out var keyId) ? keyId.ToString() : null);

    [Fact]
    public void The_hash_is_SHA_256_of_the_text_and_tells_keys_apart()
    {
        Assert.Equal(
            Convert.FromHexString("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"),
            ApiKeyText.Hash("abc"));
        var hash = ApiKeyText.Hash(Valid);
        Assert.True(ApiKeyText.SameHash(ApiKeyText.Hash(Valid), hash));
        Assert.False(ApiKeyText.SameHash(ApiKeyText.Hash(Valid[..^1] + "R"), hash));
        Assert.False(ApiKeyText.SameHash(hash.AsSpan(0, 31), hash));
        Assert.False(ApiKeyText.SameHash([], hash));
    }

    [Fact]
    public void A_long_presented_text_is_hashed_without_failing()
    {
        var text = new string('k', 100_000);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)), ApiKeyText.Hash(text));
    }

}
