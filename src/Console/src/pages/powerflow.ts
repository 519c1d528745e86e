import type { SiteStatus } from "../types";
import { el, number } from "../ui";

/**
 * Solar, battery, grid and load around the site's bus, each with its kW and the way the power goes. Battery kW is
 * positive while charging (power into the battery), grid kW is import minus export.
 */
export function powerFlow(s: SiteStatus): HTMLElement {
  const grid = s.gridImportKw - s.gridExportKw;
  return el(
    "div",
    { class: "flows" },
    flow("solar", "Solar", s.solarKw, s.solarKw > 0 ? "in" : "idle"),
    flow("battery", "Battery", Math.abs(s.batteryKw), s.batteryKw > 0 ? "out" : s.batteryKw < 0 ? "in" : "idle", s.batteryKw > 0 ? "charging" : s.batteryKw < 0 ? "discharging" : "idle"),
    flow("grid", "Grid", Math.abs(grid), grid > 0 ? "in" : grid < 0 ? "out" : "idle", grid > 0 ? "importing" : grid < 0 ? "exporting" : "idle"),
    flow("load", "Load", s.loadKw, s.loadKw > 0 ? "out" : "idle"),
    el("div", { class: "bus" }, "Site"),
  );
}

/** direction: "in" flows toward the site's bus, "out" away from it. */
function flow(kind: string, label: string, kw: number, direction: "in" | "out" | "idle", state?: string): HTMLElement {
  const arrow = direction === "in" ? "→" : direction === "out" ? "←" : "·";
  return el(
    "div",
    { class: `node ${kind} ${direction}`, "data-flow": kind, "data-direction": direction, "data-kw": kw.toFixed(3) },
    el("span", { class: "label" }, label),
    el("strong", {}, `${number(kw, 2)} kW`),
    el("span", { class: "arrow", "aria-hidden": "true" }, arrow),
    state ? el("small", {}, state) : null,
  );
}
