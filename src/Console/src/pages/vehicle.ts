import { ApiError, api } from "../api";
import { timeChart } from "../charts";
import type { Alert, Performance, VehicleHour, VehicleStatus } from "../types";
import { badge, card, el, number, problem, time } from "../ui";
import type { Page } from "./page";

interface MeterLink {
  meterId: string;
  linkedAt: string;
}

async function optional<T>(path: string): Promise<T | null> {
  try {
    return await api<T>(path);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** One vehicle: status, the rolling 24 h efficiency and verdict, hourly AC in vs DC out, temperature and SOC, its meter and alerts. */
export function vehiclePage(vehicleId: string): Page {
  const id = encodeURIComponent(vehicleId);
  const summary = el("div", { class: "cards" });
  const energy = el("div", { class: "chart", "data-testid": "energy-chart" });
  const battery = el("div", { class: "chart", "data-testid": "battery-chart" });
  const alerts = el("ul", { class: "alerts" });
  const message = el("div");

  const load = async () => {
    try {
      const [status, performance, hours, link, alertList] = await Promise.all([
        optional<VehicleStatus>(`/v1/telemetry/vehicle/${id}/status`),
        optional<{ data: Performance }>(`/v1/analytics/performance/${id}`),
        optional<{ hours: VehicleHour[] }>(`/v1/analytics/performance/${id}/hourly`),
        optional<MeterLink>(`/v1/vehicles/${id}/meter`),
        api<{ alerts: Alert[] }>(`/v1/alerts?deviceId=${id}&limit=50`),
      ]);
      const p = performance?.data;
      summary.replaceChildren(
        card("Health", p ? badge(p.healthStatus) : "no data"),
        card("Efficiency (24 h)", p?.efficiencyPercent ?? "–"),
        card("AC in / DC out", p ? `${number(p.totalAcConsumed, 2)} / ${number(p.totalDcDelivered, 2)} kWh` : "–"),
        card("SOC", status ? `${number(status.soc)} %` : "–"),
        card("Battery", status ? `${number(status.batteryTemp)} °C` : "–"),
        card("Last reading", time(status?.timestamp)),
        card("Meter", link ? link.meterId : "not linked"),
      );
      const rows = hours?.hours ?? [];
      const to = new Date();
      const from = new Date(to.getTime() - 86_400_000);
      const times = rows.map((h) => h.hour);
      timeChart(energy, "AC in vs DC out per hour (kWh)", times, [
        { label: "AC in", color: "#d97706", values: rows.map((h) => h.acKwh), bars: true },
        { label: "DC out", color: "#2563eb", values: rows.map((h) => h.dcKwh), bars: true },
      ], from, to);
      timeChart(battery, "Battery temperature (°C) and SOC (%)", times, [
        { label: "Temperature °C", color: "#dc2626", values: rows.map((h) => h.avgBatteryTemp) },
        { label: "SOC %", color: "#16a34a", values: rows.map((h) => h.lastSoc), right: true },
      ], from, to);
      alerts.replaceChildren(
        ...(alertList.alerts.length === 0
          ? [el("li", {}, "No alerts.")]
          : alertList.alerts.map((a) => el("li", { class: a.active ? "active" : "" }, badge(a.kind), ` ${a.message} — ${time(a.raisedAt)}`, a.active ? "" : ` (cleared ${time(a.clearedAt)})`))),
      );
      message.replaceChildren();
    } catch (error) {
      message.replaceChildren(problem(error));
    }
  };

  const view = el("section", {}, el("h1", {}, "Vehicle ", el("span", { class: "id" }, vehicleId)), message, summary, energy, battery, el("h2", {}, "Alerts"), alerts);
  void load();
  return {
    view,
    onEvent: (e) => {
      const data = e.data as { vehicleIds?: string[]; more?: boolean; deviceId?: string };
      const mine = e.type === "snapshot" || data.deviceId === vehicleId || (e.type === "vehicle" && (data.more || data.vehicleIds?.includes(vehicleId)));
      return mine ? load : undefined;
    },
  };
}
