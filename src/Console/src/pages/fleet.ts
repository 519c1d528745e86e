import { api } from "../api";
import { scoped } from "../context";
import type { Fleet, FleetVehicle } from "../types";
import { badge, el, head, number, problem, time } from "../ui";
import type { Page } from "./page";

const statuses = ["CRITICAL", "ANOMALY", "WARNING", "HEALTHY", "NO_DATA"];

/** Vehicles per health status, the worst first, searchable; refreshed when the fleet index reports a change. */
export function fleetPage(): Page {
  const counts = el("div", { class: "counts", "data-testid": "counts" });
  const search = el("input", { type: "search", placeholder: "Search vehicles", "aria-label": "Search vehicles" });
  const body = el("tbody");
  const message = el("div");
  let vehicles: FleetVehicle[] = [];

  const render = () => {
    const term = search.value.trim().toLowerCase();
    body.replaceChildren(
      ...vehicles
        .filter((v) => !term || v.vehicleId.toLowerCase().includes(term))
        .map((v) =>
          el(
            "tr",
            { "data-vehicle": v.vehicleId },
            el("td", {}, el("a", { href: `#/vehicles/${encodeURIComponent(v.vehicleId)}` }, v.vehicleId)),
            el("td", {}, badge(v.healthStatus)),
            el("td", { class: "num" }, v.efficiencyPercent ?? "–"),
            el("td", { class: "num" }, number(v.totalAcConsumed, 2)),
            el("td", { class: "num" }, number(v.totalDcDelivered, 2)),
            el("td", { class: "num" }, number(v.avgBatteryTemp)),
            el("td", {}, time(v.reportedAt)),
          ),
        ),
    );
  };

  const load = async () => {
    try {
      const fleet = await api<Fleet>(scoped("/v1/analytics/fleet", { limit: "1000" }));
      vehicles = fleet.vehicles;
      counts.replaceChildren(
        ...statuses.map((s) => el("div", { class: `count ${s.toLowerCase()}`, "data-status": s }, el("strong", {}, fleet.counts[s] ?? 0), el("span", {}, s))),
      );
      message.replaceChildren();
      render();
    } catch (error) {
      message.replaceChildren(problem(error));
    }
  };
  search.addEventListener("input", render);

  const view = el(
    "section",
    {},
    el("h1", {}, "Fleet"),
    counts,
    message,
    search,
    el(
      "div",
      { class: "scroll" },
      el(
        "table",
        { class: "list", "data-testid": "fleet-vehicles" },
        head("Vehicle", "Health", "Efficiency", "AC kWh", "DC kWh", "Temp °C", "Reported"),
        body,
      ),
    ),
  );
  void load();
  return { view, onEvent: (e) => (e.type === "vehicle" || e.type === "snapshot" ? load : undefined) };
}
