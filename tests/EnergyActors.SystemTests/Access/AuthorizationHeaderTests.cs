using System.Text;
using EnergyActors.Tests.Hostile;

namespace EnergyActors.Tests.Access;

/// <summary>
/// Authorization headers as an attacker or a broken client sends them, byte for byte: each is refused with 401 and the
/// Bearer challenge (431 when the headers exceed Kestrel's limit, 400 where HTTP itself forbids the bytes), never a 5xx.
/// </summary>
[Collection(SecureSystemCollection.Name)]
public sealed class AuthorizationHeaderTests(SecureSystemFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static TheoryData<string, string> RefusedHeaders => new()
    {
        { "wrong scheme", "Authorization: Basic dXNlcjpwYXNz" },
        { "scheme only", "Authorization: Bearer" },
        { "scheme and spaces", "Authorization: Bearer    " },
        { "empty value", "Authorization:" },
        { "lower-case scheme, unknown key", "Authorization: bearer ea_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" },
        { "well-formed, unknown key", "Authorization: Bearer ea_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" },
        { "upper-case key id", "Authorization: Bearer ea_0123456789ABCDEF_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" },
        { "short garbage", "Authorization: Bearer x" },
        { "punctuation", "Authorization: Bearer ea_'; DROP TABLE keys;--_\"<script>\"" },
        { "two headers", "Authorization: Bearer x\r\nAuthorization: Bearer y" },
        { "key of 20,000 characters", "Authorization: Bearer " + new string('k', 20_000) },
        { "percent-encoded", "Authorization: Bearer ea%5F0123456789abcdef%5FAAAA" },
    };

    [Theory]
    [MemberData(nameof(RefusedHeaders))]
    public async Task A_garbage_Authorization_header_is_401_with_the_Bearer_challenge(string what, string header)
    {
        var response = await SendAsync(Encoding.ASCII.GetBytes(header));
        Assert.True(response.Status == 401, $"{what}: {response.Status} {response.Body}");
        Assert.StartsWith("Bearer", response.Header("WWW-Authenticate"), StringComparison.Ordinal);
        Assert.StartsWith("application/problem+json", response.Header("Content-Type"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UTF-8 letters", new byte[] { 0xD0, 0xBA, 0xD0, 0xBB, 0xD1, 0x8E, 0xD1, 0x87 })]
    [InlineData("Latin-1 bytes", new byte[] { 0xE9, 0xFF, 0xA0 })]
    [InlineData("a lone continuation byte", new byte[] { 0x80 })]
    public async Task A_key_that_is_not_ASCII_is_401_not_a_bare_400(string what, byte[] key)
    {
        var response = await SendAsync([.. "Authorization: Bearer "u8.ToArray(), .. key]);
        Assert.True(response.Status == 401, $"{what}: {response.Status} {response.Body}");
        Assert.StartsWith("Bearer", response.Header("WWW-Authenticate"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Headers_over_Kestrels_limit_are_431()
    {
        var response = await SendAsync(Encoding.ASCII.GetBytes("Authorization: Bearer " + new string('k', 64 * 1024)));
        Assert.Equal(431, response.Status);
    }

    [Fact]
    public async Task Control_characters_in_the_header_are_refused_by_HTTP_itself_never_with_a_5xx()
    {
        var response = await SendAsync([.. "Authorization: Bearer a"u8.ToArray(), 0x00, .. "b"u8.ToArray()]);
        Assert.InRange(response.Status, 400, 401);
    }

    /// <summary>GET /v1/alerts with <paramref name="header"/> (one or more header lines, as bytes) and nothing else about the caller.</summary>
    private Task<RawResponse> SendAsync(byte[] header) =>
        RawHttp.SendAsync(
            fixture.System.GatewayAddress,
            [.. "GET /v1/alerts HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"u8.ToArray(), .. header, .. "\r\n\r\n"u8.ToArray()],
            Timeout);
}
