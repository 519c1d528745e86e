using System.Net;
using System.Text.Json.Nodes;

namespace EnergyActors.Tests.Access;

/// <summary>
/// Each role against every operation, in its own fleet: a device key ingests and is refused (403) everything else; an
/// operator key uses all of /v1 but /v1/admin (403); an admin key uses everything. The calls cover every operation of
/// the OpenAPI document, so a new one must be placed in the matrix.
/// </summary>
/// <remarks>Calls of one fleet's keys on another fleet's data are in <see cref="CrossFleetIsolationTests"/>.</remarks>
[Collection(SecureSystemCollection.Name)]
public sealed class RoleMatrixTests(SecureSystemFixture fixture)
{
    [Fact]
    public async Task Device_keys_ingest_only_operator_keys_use_all_but_admin_and_admin_keys_use_everything()
    {
        var fleet = await fixture.CreateFleetAsync("matrix");
        var keys = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["device"] = (await fixture.CreateKeyAsync(fleet, "device")).Key,
            ["operator"] = (await fixture.CreateKeyAsync(fleet, "operator")).Key,
            ["admin"] = (await fixture.CreateKeyAsync(fleet, "admin")).Key,
        };

        var wrong = new List<string>();
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (role, key) in keys)
        {
            // An admin names the fleet it acts for; the others act for their key's fleet.
            var (spareKeyId, _) = await fixture.CreateKeyAsync(fleet, "device");
            foreach (var call in MatrixCalls.For(fleet, role, spareKeyId))
            {
                covered.Add($"{call.Method} {call.Template}");
                var path = role == "admin" && call.Need != MatrixCalls.Need.Administer ? $"{call.Path}{(call.Path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}fleetId={fleet}" : call.Path;
                using var response = await fixture.SendAsync(call.Method, path, key, call.Body, mediaType: call.MediaType);
                var allowed = role == "admin" || (role == "operator" && call.Need != MatrixCalls.Need.Administer) || call.Need is MatrixCalls.Need.Ingest or MatrixCalls.Need.AnyKey;
                var expected = allowed ? call.Success : HttpStatusCode.Forbidden;
                if (response.StatusCode != expected)
                {
                    wrong.Add($"{role,-8} {call.Method} {path}: {(int)response.StatusCode}, expected {(int)expected} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }

        Assert.True(wrong.Count == 0, "Role × endpoint mismatches:\n" + string.Join('\n', wrong));
        var document = JsonNode.Parse(await fixture.System.Http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;
        var operations = document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(op => $"{op.Key.ToUpperInvariant()} {path.Key}"));
        Assert.Empty(operations.Except(covered));
    }

    [Fact]
    public async Task A_forbidden_call_is_403_problem_details_naming_the_role_and_what_it_needs()
    {
        var fleet = await fixture.CreateFleetAsync("forbid");
        var (_, device) = await fixture.CreateKeyAsync(fleet, "device");
        using var response = await fixture.SendAsync(HttpMethod.Get, "/v1/alerts", device);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = (string)(await Http.Json.ReadAsync(response))["detail"]!;
        Assert.Contains("device", detail, StringComparison.Ordinal);
        Assert.Contains("operator or admin", detail, StringComparison.Ordinal);
    }
}
