// The shapes of the public API's answers the console reads (see docs/api.md).

export type HealthStatus = "HEALTHY" | "WARNING" | "CRITICAL" | "ANOMALY" | "NO_DATA";

export interface Performance {
  vehicleId: string;
  period: { start: string; end: string };
  totalAcConsumed: number;
  totalDcDelivered: number;
  efficiencyRatio: number | null;
  efficiencyPercent: string | null;
  avgBatteryTemp: number | null;
  readingsCount: { vehicle: number; meter: number };
  healthStatus: HealthStatus;
}

export interface FleetVehicle extends Performance {
  reportedAt: string;
  refreshed: boolean;
}

export interface Fleet {
  counts: Record<string, number>;
  vehicles: FleetVehicle[];
}

export interface VehicleStatus {
  vehicleId: string;
  soc: number;
  kwhDeliveredDc: number;
  batteryTemp: number;
  timestamp: string;
}

export interface VehicleHour {
  hour: string;
  acKwh: number;
  dcKwh: number;
  avgBatteryTemp: number | null;
  lastSoc: number | null;
}

export interface Alert {
  id: number;
  deviceId: string;
  kind: string;
  message: string;
  raisedAt: string;
  clearedAt: string | null;
  active: boolean;
  severity: string;
  state: "active" | "acknowledged" | "cleared";
  acknowledgedBy: string | null;
  note: string | null;
}

export interface Caller {
  fleetId: string | null;
  role: "device" | "operator" | "admin";
  keyId: string | null;
}

export interface Site {
  siteId: string;
  name: string;
  type: string;
  latitude: number;
  longitude: number;
  timeZone: string;
  batteryCapacityKwh: number;
  solarCapacityKw: number;
  intervalMinutes: number;
  simulate: boolean;
  running: boolean;
  outageUntil: string | null;
}

export interface SiteList {
  sites: Site[];
  next: string | null;
}

/** A site interval: GET /v1/sites/{id}/status, and each row of its raw history. */
export interface SiteStatus {
  siteId: string;
  timestamp: string;
  intervalMinutes: number;
  solarKw: number;
  loadKw: number;
  batteryKw: number;
  gridImportKw: number;
  gridExportKw: number;
  unservedKw: number;
  battery: { soc: number; temperatureC: number; voltage: number; healthPercent: number; cycleCount: number };
}

/** A rollup row of GET /v1/sites/{id}/history at 15m, 1h or 1d. */
export interface SiteRollup {
  timestamp: string;
  solarKw: number;
  loadKw: number;
  batteryKw: number;
  gridImportKw: number;
  gridExportKw: number;
  socMin: number;
  socMax: number;
}

export interface Replay {
  siteId: string;
  intervalsDone: number;
  intervalsTotal: number;
  state: string;
  error: string | null;
}
