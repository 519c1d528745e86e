// The console's only way to the product: the public /v1 API with the operator's key, as any client would call it.

const keyItem = "energyactors.key";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const session = {
  get key(): string | null {
    return sessionStorage.getItem(keyItem);
  },
  set key(value: string | null) {
    if (value) sessionStorage.setItem(keyItem, value);
    else sessionStorage.removeItem(keyItem);
  },
};

function headers(extra?: HeadersInit): Headers {
  const h = new Headers(extra);
  const key = session.key;
  if (key) h.set("Authorization", `Bearer ${key}`);
  return h;
}

/** A JSON call; a problem-details answer becomes an ApiError carrying its title and detail. */
export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const h = headers(init.headers);
  if (init.body) h.set("Content-Type", "application/json");
  const response = await fetch(path, { ...init, headers: h });
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    try {
      const problem = await response.json();
      message = [problem.title, problem.detail].filter(Boolean).join(": ") || message;
    } catch {
      // Not problem details: the status line says enough.
    }
    throw new ApiError(response.status, message);
  }
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
}

export interface ServerEvent {
  type: string;
  data: unknown;
}

/**
 * Follows GET /v1/events (Server-Sent Events; path carries the query) through fetch, so the key travels in the Authorization header as on
 * every other call; reconnects after a drop, with the stream's own snapshot event putting the page right again.
 */
export function follow(path: string, onEvent: (e: ServerEvent) => void, signal: AbortSignal): void {
  const run = async () => {
    while (!signal.aborted) {
      try {
        const response = await fetch(path, { headers: headers({ Accept: "text/event-stream" }), signal });
        if (!response.ok || !response.body) throw new ApiError(response.status, "event stream refused");
        await readStream(response.body, onEvent);
      } catch {
        if (signal.aborted) return;
      }
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  };
  void run();
}

async function readStream(body: ReadableStream<Uint8Array>, onEvent: (e: ServerEvent) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let type = "message";
      const data: string[] = [];
      for (const line of block.split("\n")) {
        if (line.startsWith("event:")) type = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).trimStart());
      }
      if (data.length > 0) onEvent({ type, data: JSON.parse(data.join("\n")) });
    }
  }
}
