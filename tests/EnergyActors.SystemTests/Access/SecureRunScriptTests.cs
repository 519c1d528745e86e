using System.Net;
using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using EnergyActors.Tests.Infrastructure;

namespace EnergyActors.Tests.Access;

/// <summary>
/// <c>run.sh --secure</c>: no anonymous mode, and an admin key made at the first secure run, kept in the data folder
/// (owner-only) and printed, which the gateway takes.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed partial class SecureRunScriptTests
{
    [Fact]
    public async Task Run_sh_secure_requires_keys_and_prints_the_admin_key_it_keeps()
    {
        Assert.Equal("Release", RepositoryPaths.Configuration);
        await using var run = await RunScript.StartAsync(TimeSpan.FromSeconds(120), "--secure");
        var printed = AdminKeyLine().Match(run.Output);
        Assert.True(printed.Success, "run.sh printed no admin key:\n" + run.Output);
        var key = printed.Groups["key"].Value;
        var kept = Path.Combine(run.DataDir, "admin.key");
        Assert.Equal(key, (await File.ReadAllTextAsync(kept)).Trim());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(kept));

        using var http = new HttpClient { BaseAddress = run.Gateway };
        using (var anonymous = await http.GetAsync(new Uri("/v1/alerts", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/v1/admin/fleets", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {key}");
        using var admin = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [GeneratedRegex(@"admin key: (?<key>[0-9a-f]{64})")]
    private static partial Regex AdminKeyLine();
}
