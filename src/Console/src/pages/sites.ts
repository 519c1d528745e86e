import { api } from "../api";
import { scoped } from "../context";
import type { SiteList } from "../types";
import { badge, el, head, number, problem } from "../ui";
import type { Page } from "./page";

/** The fleet's sites, each linking to its page. */
export function sitesPage(): Page {
  const body = el("tbody");
  const message = el("div");
  const load = async () => {
    try {
      const list = await api<SiteList>(scoped("/v1/sites", { limit: "1000" }));
      body.replaceChildren(
        ...list.sites.map((s) =>
          el(
            "tr",
            { "data-site": s.siteId },
            el("td", {}, el("a", { href: `#/sites/${encodeURIComponent(s.siteId)}` }, s.siteId)),
            el("td", {}, s.name),
            el("td", {}, s.type),
            el("td", { class: "num" }, number(s.solarCapacityKw)),
            el("td", { class: "num" }, number(s.batteryCapacityKwh)),
            el("td", {}, s.simulate ? badge(s.running ? "RUNNING" : "PAUSED") : "received"),
          ),
        ),
      );
    } catch (error) {
      message.replaceChildren(problem(error));
    }
  };
  const view = el(
    "section",
    {},
    el("h1", {}, "Sites"),
    message,
    el(
      "div",
      { class: "scroll" },
      el(
        "table",
        { class: "list" },
        head("Site", "Name", "Type", "Solar kWp", "Battery kWh", "Simulation"),
        body,
      ),
    ),
  );
  void load();
  return { view };
}
