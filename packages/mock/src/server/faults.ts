// Fault injection: rules that make matching requests fail the way real networks and providers do.

export interface FaultRule {
  /** Which requests: an operationId, `"METHOD /path/template"`, or `"*"` for every request. */
  route: string;
  /** Let this many matching requests through first. Default 0. */
  after?: number;
  /** How many matching requests the fault affects. Default 1; `Infinity` for all. */
  times?: number;
  /** Wait this long before answering (then answer normally unless another fault field says otherwise). */
  delayMs?: number;
  /** Answer with this status instead of handling the request. */
  status?: number;
  /** Body of that answer (JSON unless a string). */
  body?: unknown;
  headers?: Record<string, string>;
  /** Sets `Retry-After` (seconds, or an HTTP date). */
  retryAfter?: number | string;
  /** Destroy the connection without answering. */
  reset?: boolean;
  /** Answer normally but cut the body in half (Content-Length still announces all of it). */
  truncate?: boolean;
  /** Answer 307 with this Location (absolute, or a path on the mock). */
  redirect?: string;
}

interface ActiveRule {
  rule: FaultRule;
  seen: number;
}

export interface FaultList {
  /** Adds a rule; returns a function that removes it. */
  add(rule: FaultRule): () => void;
  clear(): void;
  /** The rule that applies to this request, counted as used (first match wins). */
  take(operationId: string | undefined, method: string, template: string | undefined): FaultRule | undefined;
}

export function createFaultList(initial: FaultRule[] = []): FaultList {
  let rules: ActiveRule[] = [];
  const list: FaultList = {
    add(rule) {
      const active = { rule, seen: 0 };
      rules.push(active);
      return () => {
        rules = rules.filter((candidate) => candidate !== active);
      };
    },
    clear() {
      rules = [];
    },
    take(operationId, method, template) {
      for (const active of rules) {
        const { route } = active.rule;
        const matches = route === "*" || route === operationId || (template !== undefined && route === `${method} ${template}`);
        if (!matches) continue;
        active.seen++;
        const after = active.rule.after ?? 0;
        if (active.seen <= after) continue;
        if (active.seen > after + (active.rule.times ?? 1)) continue;
        return active.rule;
      }
      return undefined;
    },
  };
  for (const rule of initial) list.add(rule);
  return list;
}
