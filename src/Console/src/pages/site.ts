import { api } from "../api";
import { timeChart } from "../charts";
import type { Replay, Site, SiteRollup, SiteStatus } from "../types";
import { badge, card, el, number, problem, time } from "../ui";
import type { Page } from "./page";
import { powerFlow } from "./powerflow";

const resolutions = ["raw", "15m", "1h", "1d"];
const ranges: Record<string, number> = { day: 1, week: 7 };

/** A site: its live power flow, battery, charts of the last day or week, and the simulation's controls. */
export function sitePage(siteId: string): Page {
  const id = encodeURIComponent(siteId);
  const flow = el("div", { class: "flow", "data-testid": "power-flow" });
  const facts = el("div", { class: "cards" });
  const chart = el("div", { class: "chart", "data-testid": "site-chart" });
  const message = el("div");
  const replayState = el("span", { "data-testid": "replay-state" });
  const resolution = select("resolution", resolutions, "raw");
  const range = select("range", Object.keys(ranges), "day");
  const interval = select("interval", ["1", "5", "15", "60"], "1");
  const pause = el("button", { type: "button", "data-testid": "pause" }, "Pause");
  let site: Site | null = null;

  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      await loadSite();
    } catch (error) {
      message.replaceChildren(problem(error));
    }
  };
  const patch = (body: object) => api<Site>(`/v1/sites/${id}`, { method: "PATCH", body: JSON.stringify(body) });

  const loadSite = async () => {
    site = await api<Site>(`/v1/sites/${id}`);
    pause.textContent = site.running ? "Pause" : "Resume";
    pause.disabled = !site.simulate;
    interval.value = String(site.intervalMinutes);
    message.replaceChildren();
  };

  const loadStatus = async () => {
    try {
      const s = await api<SiteStatus>(`/v1/sites/${id}/status`);
      flow.replaceChildren(powerFlow(s));
      facts.replaceChildren(
        card("State", site ? badge(!site.simulate ? "RECEIVED" : site.running ? "RUNNING" : "PAUSED") : "–"),
        card("SOC", `${number(s.battery.soc)} %`),
        card("Battery health", `${number(s.battery.healthPercent)} %`),
        card("Cycles", number(s.battery.cycleCount, 1)),
        card("Interval", time(s.timestamp)),
        card("Outage until", time(site?.outageUntil)),
      );
    } catch (error) {
      flow.replaceChildren(problem(error));
    }
  };

  const loadChart = async () => {
    const to = new Date();
    const from = new Date(to.getTime() - ranges[range.value] * 86_400_000);
    const query = `from=${from.toISOString()}&to=${to.toISOString()}&resolution=${resolution.value}`;
    try {
      if (resolution.value === "raw") {
        const rows = await api<SiteStatus[]>(`/v1/sites/${id}/history?${query}`);
        draw(rows.map((r) => r.timestamp), rows, rows.map((r) => r.battery.soc), from, to);
      } else {
        const rows = await api<SiteRollup[]>(`/v1/sites/${id}/history?${query}`);
        draw(rows.map((r) => r.timestamp), rows, rows.map((r) => r.socMax), from, to);
      }
    } catch (error) {
      chart.replaceChildren(problem(error));
    }
  };
  const draw = (times: string[], rows: (SiteStatus | SiteRollup)[], soc: number[], from: Date, to: Date) =>
    timeChart(chart, `Last ${range.value} at ${resolution.value} (kW, SOC %)`, times, [
      { label: "Solar", color: "#eab308", values: rows.map((r) => r.solarKw) },
      { label: "Load", color: "#7c3aed", values: rows.map((r) => r.loadKw) },
      { label: "Battery", color: "#16a34a", values: rows.map((r) => r.batteryKw) },
      { label: "Grid", color: "#64748b", values: rows.map((r) => r.gridImportKw - r.gridExportKw) },
      { label: "SOC %", color: "#0ea5e9", values: soc, right: true },
    ], from, to);

  const followReplay = async () => {
    const replay = await api<Replay>(`/v1/sites/${id}/replay`).catch(() => null);
    replayState.textContent = replay ? `${replay.state}: ${replay.intervalsDone} of ${replay.intervalsTotal} intervals${replay.error ? ` (${replay.error})` : ""}` : "";
    // A replay reports progress only when asked; this asks every 2 s while one runs, and stops when it ends.
    if (replay && replay.state === "running" && view.isConnected) window.setTimeout(followReplay, 2000);
  };

  pause.addEventListener("click", () => act(() => patch({ running: !(site?.running ?? true) })));
  interval.addEventListener("change", () => act(() => patch({ intervalMinutes: Number(interval.value) })));
  resolution.addEventListener("change", loadChart);
  range.addEventListener("change", loadChart);
  const outageMinutes = el("input", { type: "number", min: "1", max: "10080", value: "60", "aria-label": "Outage minutes" });
  const outage = el("button", { type: "button" }, "Start outage");
  outage.addEventListener("click", () =>
    act(() => api(`/v1/sites/${id}/events/outage`, { method: "POST", body: JSON.stringify({ minutes: Number(outageMinutes.value) }) })),
  );
  const replayDays = el("input", { type: "number", min: "1", max: "366", value: "7", "aria-label": "Replay days" });
  const replay = el("button", { type: "button" }, "Replay");
  replay.addEventListener("click", () =>
    act(async () => {
      const to = new Date();
      const from = new Date(to.getTime() - Number(replayDays.value) * 86_400_000);
      await api(`/v1/sites/${id}/replay`, { method: "POST", body: JSON.stringify({ from: from.toISOString(), to: to.toISOString() }) });
      await followReplay();
    }),
  );

  const view = el(
    "section",
    {},
    el("h1", {}, "Site ", el("span", { class: "id" }, siteId)),
    message,
    el("div", { class: "split" }, flow, facts),
    el(
      "div",
      { class: "controls" },
      pause,
      el("label", {}, "Interval (min) ", interval),
      el("label", {}, "Outage ", outageMinutes, " min ", outage),
      el("label", {}, "Replay last ", replayDays, " days ", replay),
      replayState,
    ),
    el("div", { class: "controls" }, el("label", {}, "Range ", range), el("label", {}, "Resolution ", resolution)),
    chart,
  );
  void loadSite()
    .catch((error) => message.replaceChildren(problem(error)))
    .then(loadStatus)
    .then(loadChart)
    .then(followReplay);
  return {
    view,
    onEvent: (e) => {
      const data = e.data as { siteId?: string };
      if (e.type !== "snapshot" && data.siteId !== siteId) return undefined;
      return async () => {
        await loadStatus();
        if (resolution.value === "raw") await loadChart();
      };
    },
  };
}

function select(name: string, options: string[], value: string): HTMLSelectElement {
  const node = el("select", { name, "aria-label": name }, ...options.map((o) => el("option", { value: o }, o)));
  node.value = value;
  return node;
}
