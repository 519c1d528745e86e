import type { Caller } from "./types";

/** Who is signed in, and for an admin the fleet the pages show (operators see their own fleet only). */
export const context = {
  caller: null as Caller | null,
  adminFleet: null as string | null,
};

/** A fleet-wide list path, with the fleet named when an admin (who acts for every fleet) calls it. */
export function scoped(path: string, query: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
  if (context.caller?.role === "admin" && context.adminFleet) params.set("fleetId", context.adminFleet);
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}
