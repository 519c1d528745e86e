import type { ServerEvent } from "../api";

/**
 * A page: its element, and what to run for a live event (null: the event does not concern it). The router
 * coalesces the returned refreshes, so a burst of events costs one reload.
 */
export interface Page {
  view: HTMLElement;
  onEvent?: (event: ServerEvent) => (() => void | Promise<void>) | undefined;
  dispose?: () => void;
}
