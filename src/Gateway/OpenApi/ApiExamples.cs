using EnergyActors.Gateway.Contracts;
using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Abstractions.Sites;

namespace EnergyActors.Gateway.OpenApi;

/// <summary>
/// The examples of the OpenAPI document, built from the contract types and their mappings from grain state, so an
/// example has exactly the shape the API reads or writes (the lint checks each one against its schema).
/// </summary>
public static class ApiExamples
{
    private static readonly DateTimeOffset At = new(2026, 1, 31, 14, 0, 0, TimeSpan.Zero);

    public static MeterTelemetryRequest Meter { get; } = new()
    {
        MeterId = "MTR-001",
        KwhConsumedAc = 1.5,
        Voltage = 240,
        Timestamp = At,
        VehicleId = "VEH-001",
    };

    public static VehicleTelemetryRequest Vehicle { get; } = new()
    {
        VehicleId = "VEH-001",
        Soc = 75,
        KwhDeliveredDc = 1.27,
        BatteryTemp = 32,
        Timestamp = At,
    };

    public static SiteTelemetryRequest SiteReadingRequest { get; } = new()
    {
        SiteId = "plant-rotterdam",
        Timestamp = At,
        IntervalMinutes = 5,
        SolarKw = 412.5,
        LoadKw = 380.2,
        BatteryKw = 20.1,
        GridImportKw = 0,
        GridExportKw = 12.2,
        Battery = new SiteBatteryBody(64.2, 27.5, 796.4, 98.7, 412),
        Inverter = new SiteInverterBody(405.1, 421.9, 0.96, 41.3),
        Weather = new SiteWeatherReading(11.4, 520, 35) { Source = "site-station" },
    };

    public static TelemetryReading[] Batch { get; } = [Meter, Vehicle];

    public static IngestResponse Ingested { get; } = new(1, 0);

    public static BatchIngestResponse BatchIngested { get; } =
        new(1, 0, 1, [new BatchItemError(1, "soc", "'soc' must be between 0 and 100.")]);

    public static MeterStatusResponse MeterStatus { get; } = new("MTR-001", 1.5, 240, At.UtcDateTime, "VEH-001");

    public static VehicleStatusResponse VehicleStatus { get; } = new("VEH-001", 75, 1.27, 32, At.UtcDateTime);

    public static MeterLinkRequest Link { get; } = new() { MeterId = "MTR-001" };

    public static MeterLinkResponse Linked { get; } = new("VEH-001", "MTR-001", At.UtcDateTime);

    public static CallerResponse Caller { get; } = new("k_0123456789abcdef", "operator", "fleet-north");

    public static VehicleHoursResponse VehicleHours { get; } = new("VEH-001", [new(At.AddHours(-1).UtcDateTime, 6.3, 5.4, 31.5, 72)]);

    public const string Events = "event: snapshot\ndata: {}\n\nevent: vehicle\ndata: {\"vehicleIds\":[\"VEH-001\"],\"more\":false}\n\n"
        + "event: alert\ndata: {\"deviceId\":\"VEH-001\",\"kind\":\"EFFICIENCY_CRITICAL\",\"active\":true}\n\nevent: ping\ndata: {}\n\n";

    private static VehiclePerformance Performance { get; } =
        new("VEH-001", At.AddDays(-1), At, 150.5m, 127.5m, 0.8472m, 32.0m, 1440, 1440, HealthStatus.Warning);

    public static PerformanceResponse VehiclePerformance { get; } = new(true, PerformanceData.From(Performance));

    public static FleetResponse Fleet { get; } = new(
        new Dictionary<string, int>(StringComparer.Ordinal) { ["HEALTHY"] = 41, ["WARNING"] = 1, ["CRITICAL"] = 0, ["ANOMALY"] = 0, ["NO_DATA"] = 2 },
        [FleetVehicleData.Of(new FleetEntry(Performance, At, Refreshed: true))]);

    public static AlertListResponse Alerts { get; } = new(
    [
        new AlertResponse(
            17, "VEH-001", "EFFICIENCY_CRITICAL", "Charging efficiency over 24 h is 0.6410, below 0.70: possible hardware fault or energy leakage.",
            At.UtcDateTime, null, true, "critical", "active", null, null, null),
    ]);

    public static AlertAckRequest AlertAck { get; } = new("dispatch: J. Rivera", "Charger 7 booked for inspection");

    public static AlertResponse AcknowledgedAlert { get; } = Alerts.Alerts[0] with
    {
        State = "acknowledged",
        AcknowledgedAt = At.AddMinutes(12).UtcDateTime,
        AcknowledgedBy = AlertAck.By,
        Note = AlertAck.Note,
    };

    public static AlertRulesResponse AlertRules { get; } = new(
    [
        new("EFFICIENCY_CRITICAL", true, "critical", 0.70, 300, 3, 600, 1, 2),
        new("EFFICIENCY_ANOMALY", true, "major", 1.0, 60, 1, 60, 1, 2),
        new("SOC_BELOW_FLOOR", true, "major", 10, 0, 1, 0, 0, 0),
        new("BATTERY_OVER_TEMPERATURE", true, "critical", 45, 0, 1, 0, 0, 0),
        new("UNSERVED_LOAD", true, "critical", 0, 0, 1, 0, 0, 0),
        new("DEVICE_SILENT", true, "major", 15, 0, 1, 0, 0, 0),
    ],
        At.UtcDateTime);

    public static AlertRulesRequest AlertRulesChange { get; } = new([AlertRules.Rules[0]]);

    public static WebhookCreateRequest WebhookCreate { get; } = new("https://ops.example.com/hooks/energy", "a long random secret", null, ["critical"]);

    public static WebhookResponse Webhook { get; } = new("9f2c4e1a7b3d5f60", "https://ops.example.com/hooks/energy", [], ["critical"], At.UtcDateTime);

    public static WebhookListResponse Webhooks { get; } = new([Webhook]);

    public static WebhookDeliveryListResponse WebhookDeliveries { get; } = new(
    [
        new(42, 17, "raised", 3, At.UtcDateTime, At.AddSeconds(7).UtcDateTime, null, null, 200, null, 38.5),
    ]);

    public static SiteCreateRequest SiteCreate { get; } = new()
    {
        SiteId = "home-berlin",
        Name = "Home, Berlin",
        Type = "residential",
        Latitude = 52.52,
        Longitude = 13.405,
        TimeZone = "Europe/Berlin",
        BatteryCapacityKwh = 10,
        BatteryMaxPowerKw = 5,
        SolarCapacityKw = 8,
        InverterCapacityKw = 6,
        IntervalMinutes = 5,
        Seed = 101,
        Tilt = 35,
        Azimuth = 180,
        AnnualConsumptionKwh = 4000,
    };

    public static SitePatchRequest SitePatch { get; } = new() { IntervalMinutes = 1, Running = false };

    public static SiteResponse Site { get; } = SiteResponse.From(new SiteInfo(
        "home-berlin",
        new SiteConfig("Home, Berlin", "residential", 52.52, 13.405, "Europe/Berlin", 10, 5, 8, 6, 5, Simulate: true, Running: true, Seed: 101, LoadProfile: null, Tilt: 35, Azimuth: 180, AnnualConsumptionKwh: 4000),
        At.AddDays(-30),
        OutageUntil: null));

    public static SiteListResponse Sites { get; } = new([Site], Next: null);

    public static WeatherFileResponse WeatherFile { get; } = new("berlin.epw", 52.47, 13.4, 1, 1011.4, At.UtcDateTime);

    public static WeatherFileListResponse WeatherFiles { get; } = new([WeatherFile]);

    private static SiteReading Interval { get; } = new(
        At, 5, 3.2, 0.9, 1.8, 0, 0.5, 64.2, 24.1, 51.2, 99.1, 212, 2.3, 2.4, 0.96, 38.2, 6.5, 310, 40, "synthetic", 0);

    public static SiteStatusResponse SiteStatus { get; } = SiteStatusResponse.From("home-berlin", Interval);

    public static SiteStatusResponse[] SiteHistory { get; } = [SiteStatus];

    public static SiteReplayRequest Replay { get; } = new() { From = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), To = new(2026, 1, 8, 0, 0, 0, TimeSpan.Zero) };

    public static SiteReplayResponse ReplayProgress { get; } = SiteReplayResponse.Of(
        "home-berlin", new SiteReplay(Replay.From, Replay.To, IntervalsDone: 0, IntervalsTotal: 2016, State: "running", Error: null));

    public static SiteOutageRequest Outage { get; } = new() { Minutes = 60 };

    public static SiteResponse SiteInOutage { get; } = Site with { OutageUntil = At.AddHours(1).UtcDateTime };
}
