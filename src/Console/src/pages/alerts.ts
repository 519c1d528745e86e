import { api } from "../api";
import { scoped } from "../context";
import type { Alert } from "../types";
import { badge, el, head, problem, time } from "../ui";
import type { Page } from "./page";

/** Active and past alerts of the fleet, filtered by device and kind, each acknowledged from here; a raised or cleared alert shows at once. */
export function alertsPage(): Page {
  const state = el("select", { "aria-label": "state" }, el("option", { value: "active" }, "active"), el("option", { value: "all" }, "active and past"));
  const device = el("input", { type: "search", placeholder: "Device id", "aria-label": "Device" });
  const kind = el("select", { "aria-label": "kind" }, el("option", { value: "" }, "every kind"));
  const body = el("tbody");
  const message = el("div");
  let alerts: Alert[] = [];

  const render = () => {
    const kinds = [...new Set(alerts.map((a) => a.kind))].sort();
    const chosen = kind.value;
    kind.replaceChildren(el("option", { value: "" }, "every kind"), ...kinds.map((k) => el("option", { value: k }, k)));
    kind.value = kinds.includes(chosen) ? chosen : "";
    body.replaceChildren(
      ...alerts
        .filter((a) => !kind.value || a.kind === kind.value)
        .map((a) =>
          el(
            "tr",
            { "data-alert": String(a.id), "data-device": a.deviceId, class: a.active ? "active" : "" },
            el("td", {}, time(a.raisedAt)),
            el("td", {}, a.deviceId),
            el("td", {}, badge(a.kind)),
            el("td", {}, a.message),
            el("td", {}, a.severity),
            el("td", {}, a.state === "cleared" ? `cleared ${time(a.clearedAt)}` : a.state === "acknowledged" ? `acknowledged by ${a.acknowledgedBy}` : acknowledge(a)),
          ),
        ),
    );
  };

  /** An active alert's button: someone is on it. The list reloads from the server's alert event. */
  const acknowledge = (alert: Alert) => {
    const button = el("button", { type: "button", class: "link", "data-testid": "ack" }, "Acknowledge");
    button.addEventListener("click", async () => {
      const note = window.prompt("Note (optional)") ?? undefined;
      try {
        await api(scoped(`/v1/alerts/${alert.id}/ack`), { method: "POST", body: JSON.stringify({ note: note || undefined }) });
        await load();
      } catch (error) {
        message.replaceChildren(problem(error));
      }
    });
    return button;
  };

  const load = async () => {
    try {
      const query: Record<string, string | undefined> = { limit: "500", deviceId: device.value.trim() || undefined };
      if (state.value === "active") query.active = "true";
      alerts = (await api<{ alerts: Alert[] }>(scoped("/v1/alerts", query))).alerts;
      message.replaceChildren();
      render();
    } catch (error) {
      message.replaceChildren(problem(error));
    }
  };
  state.addEventListener("change", load);
  device.addEventListener("change", load);
  kind.addEventListener("change", render);

  const view = el(
    "section",
    {},
    el("h1", {}, "Alerts"),
    el("div", { class: "controls" }, state, device, kind),
    message,
    el(
      "div",
      { class: "scroll" },
      el("table", { class: "list", "data-testid": "alerts" }, head("Raised", "Device", "Kind", "Message", "Severity", "State"), body),
    ),
  );
  void load();
  return { view, onEvent: (e) => (e.type === "alert" || e.type === "snapshot" ? load : undefined) };
}
