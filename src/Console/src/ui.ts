// Small DOM helpers: the pages build plain elements, no framework.

type Child = Node | string | number | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value !== undefined) node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

export function number(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined || Number.isNaN(value) ? "–" : value.toFixed(digits);
}

export function time(iso: string | null | undefined): string {
  return iso ? new Date(iso).toLocaleString(undefined, { dateStyle: "short", timeStyle: "medium" }) : "–";
}

export function badge(status: string): HTMLSpanElement {
  return el("span", { class: `badge ${status.toLowerCase()}` }, status);
}

/** A labelled figure in a grid of cards. */
export function card(label: string, value: Node | string): HTMLElement {
  return el("div", { class: "card" }, el("span", { class: "label" }, label), el("strong", {}, value));
}

/** A list table's header row. */
export function head(...titles: string[]): HTMLTableSectionElement {
  return el("thead", {}, el("tr", {}, ...titles.map((t) => el("th", {}, t))));
}

export function problem(error: unknown): HTMLParagraphElement {
  return el("p", { class: "error", role: "alert" }, error instanceof Error ? error.message : String(error));
}

/** Runs fn at most once per delay, with the last call's arguments: live events come in bursts. */
export function coalesce(fn: () => void, delay: number): () => void {
  let timer: number | undefined;
  return () => {
    if (timer !== undefined) return;
    timer = window.setTimeout(() => {
      timer = undefined;
      fn();
    }, delay);
  };
}
