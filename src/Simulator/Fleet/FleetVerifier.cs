using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using EnergyActors.Simulator.Shared;
using Spectre.Console;

namespace EnergyActors.Simulator.Fleet;

/// <summary>
/// Compares what the gateway acknowledged with what the API reports for the sampled vehicles: the status
/// timestamp is the newest acknowledged reading's, and the analytics AC and DC totals equal the sums of the
/// acknowledged readings inside the window the API reports. Mismatching vehicles are asked again after a
/// pause, since meters forward AC to vehicles asynchronously; only a mismatch that persists fails.
/// </summary>
internal sealed class FleetVerifier(HttpClient http, AckLedger ledger)
{
    private const int Passes = 3;
    private const int Parallelism = 8;
    private const int MismatchesShown = 5;
    private static readonly TimeSpan SettlePause = TimeSpan.FromSeconds(2);

    // The API keeps six decimals: figures closer than half of the last digit are the same figure.
    private const decimal Tolerance = 0.0000005m;

    private readonly ApiReader _api = new(http);

    public async Task<VerifyResult> RunAsync(CancellationToken cancellation)
    {
        var pending = ledger.Vehicles.ToList();
        var verdicts = new Dictionary<string, VehicleVerdict>(StringComparer.Ordinal);
        for (var pass = 1; pass <= Passes && pending.Count > 0; pass++)
        {
            if (pass > 1)
            {
                await Task.Delay(SettlePause, cancellation);
            }

            var found = new VehicleVerdict[pending.Count];
            await Parallel.ForAsync(0, pending.Count, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellation },
                async (i, token) => found[i] = await CheckAsync(pending[i].Key, pending[i].Value, token));
            foreach (var verdict in found)
            {
                verdicts[verdict.VehicleId] = verdict;
            }

            pending = [.. pending.Where(p => !verdicts[p.Key].Passed)];
        }

        var all = verdicts.Values.OrderBy(v => v.VehicleId, StringComparer.Ordinal).ToList();
        return new VerifyResult(all.Count,
        [
            Tally("status timestamp = newest acknowledged reading", all, v => v.Status),
            Tally("analytics AC total = acknowledged meter readings", all, v => v.Ac),
            Tally("analytics DC total = acknowledged vehicle readings", all, v => v.Dc),
        ]);
    }

    private async Task<VehicleVerdict> CheckAsync(string vehicleId, VehicleLedger expected, CancellationToken cancellation)
    {
        var id = Uri.EscapeDataString(vehicleId);
        var status = await CheckStatusAsync($"/v1/telemetry/vehicle/{id}/status", expected, cancellation);
        var (ac, dc) = await CheckTotalsAsync($"/v1/analytics/performance/{id}", expected, cancellation);
        return new VehicleVerdict(vehicleId, status, ac, dc);
    }

    private async Task<string?> CheckStatusAsync(string path, VehicleLedger expected, CancellationToken cancellation)
    {
        var (code, body, error) = await _api.GetAsync(path, cancellation);
        var newest = expected.NewestVehicleReading;
        switch (code)
        {
            case null:
                return $"GET {path}: {error}";
            case HttpStatusCode.NotFound:
                return newest is { } missing ? $"404, but a reading at {Stamp(missing)} was acknowledged" : null;
            case HttpStatusCode.OK when Parse(body, ApiAnswerJsonContext.Default.VehicleStatusAnswer) is { } answer:
                return answer.Instant == newest ? null
                    : $"status timestamp {Stamp(answer.Instant)}, newest acknowledged {(newest is { } n ? Stamp(n) : "none")}";
            default:
                return Unexpected(path, code.Value, body);
        }
    }

    private async Task<(string? Ac, string? Dc)> CheckTotalsAsync(string path, VehicleLedger expected, CancellationToken cancellation)
    {
        var (code, body, error) = await _api.GetAsync(path, cancellation);
        switch (code)
        {
            case null:
                return Both($"GET {path}: {error}");
            case HttpStatusCode.NotFound:
                return Both(expected.Seen ? "404, but readings of or attributed to it were acknowledged" : null);
            case HttpStatusCode.OK when Parse(body, ApiAnswerJsonContext.Default.PerformanceEnvelope) is { Data: { } data }:
                var window = data.Period;
                var (ac, dc) = expected.Totals(window.Start, window.End);
                var span = $"[{Stamp(window.Start)}, {Stamp(window.End)})";
                return (Compare("AC", data.TotalAcConsumed, ac, span), Compare("DC", data.TotalDcDelivered, dc, span));
            default:
                return Both(Unexpected(path, code.Value, body));
        }
    }

    private static string? Compare(string what, decimal reported, decimal acknowledged, string span) =>
        Math.Abs(reported - acknowledged) < Tolerance ? null
            : string.Create(CultureInfo.InvariantCulture, $"{what} {reported} kWh reported, {acknowledged} kWh acknowledged in {span}");

    private static (string?, string?) Both(string? reason) => (reason, reason);

    private static T? Parse<T>(byte[] body, JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(body, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Unexpected(string path, HttpStatusCode code, byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        return $"GET {path}: {(int)code} {(text.Length > 200 ? text[..200] + " …" : text)}";
    }

    private static string Stamp(DateTimeOffset value) => Figures.Timestamp(value);

    private static VerifyCheck Tally(string name, List<VehicleVerdict> verdicts, Func<VehicleVerdict, string?> reason)
    {
        var failed = verdicts.Where(v => reason(v) is not null).ToList();
        return new VerifyCheck(name, verdicts.Count - failed.Count, failed.Count,
            [.. failed.Take(MismatchesShown).Select(v => $"{v.VehicleId}: {reason(v)}")]);
    }
}

/// <summary>What <c>--verify</c> found for the sampled vehicles; it passes when no check has a mismatch.</summary>
internal sealed record VerifyResult(int SampledVehicles, IReadOnlyList<VerifyCheck> Checks)
{
    public bool Passed => Checks.All(c => c.Failed == 0);

    /// <summary>The lines under the fleet's result table: each check's verdict and its first mismatches.</summary>
    public void Write()
    {
        Terminal.Out.MarkupLineInterpolated($"verify: {SampledVehicles} sampled vehicles");
        foreach (var check in Checks)
        {
            if (check.Failed == 0)
            {
                Terminal.Out.MarkupLineInterpolated($"  [green]PASS[/] {check.Name}: {check.Passed} of {check.Passed} vehicles");
                continue;
            }

            Terminal.Out.MarkupLineInterpolated($"  [red]FAIL[/] {check.Name}: {check.Failed} of {check.Passed + check.Failed} vehicles differ");
            foreach (var mismatch in check.Mismatches)
            {
                Terminal.Out.MarkupLineInterpolated($"       {mismatch}");
            }
        }
    }
}

/// <summary>One kind of check over the sampled vehicles: how many agreed, how many did not, and the first mismatches.</summary>
internal sealed record VerifyCheck(string Name, int Passed, int Failed, IReadOnlyList<string> Mismatches);

/// <summary>One sampled vehicle's three checks; a null reason is a pass.</summary>
internal sealed record VehicleVerdict(string VehicleId, string? Status, string? Ac, string? Dc)
{
    public bool Passed => Status is null && Ac is null && Dc is null;
}
