import "./style.css";
import { api, follow, session } from "./api";
import { context, scoped } from "./context";
import { alertsPage } from "./pages/alerts";
import { fleetPage } from "./pages/fleet";
import type { Page } from "./pages/page";
import { signIn, whoAmI } from "./pages/signin";
import { sitePage } from "./pages/site";
import { sitesPage } from "./pages/sites";
import { vehiclePage } from "./pages/vehicle";
import type { Caller } from "./types";
import { coalesce, el, problem } from "./ui";

const main = document.getElementById("main")!;
const nav = document.getElementById("nav")!;
const who = document.getElementById("who")!;
let page: Page | null = null;
let live: AbortController | null = null;
const pending = new Set<() => void | Promise<void>>();
const flush = coalesce(() => {
  const work = [...pending];
  pending.clear();
  for (const refresh of work) void refresh();
}, 300);

function route(): Page {
  const [, section, id] = location.hash.replace(/^#/, "").split("/");
  switch (section) {
    case "vehicles":
      return id ? vehiclePage(decodeURIComponent(id)) : fleetPage();
    case "sites":
      return id ? sitePage(decodeURIComponent(id)) : sitesPage();
    case "alerts":
      return alertsPage();
    default:
      return fleetPage();
  }
}

function show(): void {
  page?.dispose?.();
  page = route();
  main.replaceChildren(page.view);
  for (const link of nav.querySelectorAll("a")) {
    link.classList.toggle("current", location.hash.startsWith(link.getAttribute("href") ?? "-"));
  }
}

async function start(caller: Caller): Promise<void> {
  context.caller = caller;
  nav.hidden = false;
  if (caller.role === "admin") offerDashboard();
  const signOut = el("button", { type: "button", class: "link" }, "Sign out");
  signOut.addEventListener("click", async () => {
    if (caller.role === "admin") await api("/v1/admin/dashboard-session", { method: "DELETE" }).catch(() => undefined);
    session.key = null;
    location.reload();
  });
  who.replaceChildren(`${caller.role}${caller.fleetId ? ` of ${caller.fleetId}` : ""} `, session.key ? signOut : "");
  if (caller.role === "admin") await chooseFleet();
  live?.abort();
  live = new AbortController();
  follow(scoped("/v1/events"), (event) => {
    const refresh = page?.onEvent?.(event);
    if (refresh) {
      pending.add(refresh);
      flush();
    }
  }, live.signal);
  window.addEventListener("hashchange", show);
  show();
}

/**
 * The Orleans Dashboard's page cannot send the key as a header; an admin's click first asks the API for a session cookie that
 * only the dashboard's path receives, then opens it.
 */
function offerDashboard(): void {
  const link = document.getElementById("dashboard-link") as HTMLAnchorElement;
  link.hidden = false;
  link.addEventListener("click", async (event) => {
    event.preventDefault();
    try {
      await api("/v1/admin/dashboard-session", { method: "POST" });
      location.assign(link.href);
    } catch (error) {
      main.prepend(problem(error));
    }
  });
}

/** An admin acts for every fleet: the pages show the one chosen here. */
async function chooseFleet(): Promise<void> {
  const fleets = (await api<{ fleets: { fleetId: string; name: string }[] }>("/v1/admin/fleets")).fleets;
  const picker = el("select", { "aria-label": "fleet" }, ...fleets.map((f) => el("option", { value: f.fleetId }, `${f.name} (${f.fleetId})`)));
  context.adminFleet = sessionStorage.getItem("energyactors.fleet") ?? fleets[0]?.fleetId ?? null;
  if (context.adminFleet) picker.value = context.adminFleet;
  picker.addEventListener("change", () => {
    context.adminFleet = picker.value;
    sessionStorage.setItem("energyactors.fleet", picker.value);
    location.reload();
  });
  who.prepend(picker, " ");
}

async function boot(): Promise<void> {
  try {
    const caller = await whoAmI();
    if (caller && caller.role !== "device") await start(caller);
    else signIn(main, (c) => void start(c));
  } catch (error) {
    main.replaceChildren(problem(error));
  }
}

void boot();
