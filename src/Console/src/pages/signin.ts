import { ApiError, api, session } from "../api";
import type { Caller } from "../types";
import { el, problem } from "../ui";

/** Asks who the caller is; without a key that works only in the gateway's anonymous local mode. */
export async function whoAmI(): Promise<Caller | null> {
  try {
    return await api<Caller>("/v1/caller");
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** The sign-in form: an operator or admin key, kept for this browser session only. */
export function signIn(main: HTMLElement, done: (caller: Caller) => void, message?: string): void {
  const input = el("input", { type: "password", name: "key", autocomplete: "off", placeholder: "ea_…", "aria-label": "API key" });
  const form = el(
    "form",
    { class: "card signin" },
    el("h1", {}, "Sign in"),
    el("p", {}, "An operator key shows its fleet; an admin key shows every fleet's tools."),
    input,
    el("button", { type: "submit" }, "Sign in"),
    message ? problem(message) : null,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    session.key = input.value.trim();
    try {
      const caller = await whoAmI();
      if (!caller) throw new Error("That key is not known, or has expired or been revoked.");
      if (caller.role === "device") throw new Error("A device key may only send readings: use an operator or admin key.");
      done(caller);
    } catch (error) {
      session.key = null;
      signIn(main, done, error instanceof Error ? error.message : String(error));
    }
  });
  main.replaceChildren(form);
  input.focus();
}
