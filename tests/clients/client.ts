// A small Readout client typed only through the generated schema (schema.d.ts).
import type { components, paths } from "./schema";

type EventList =
  paths["/v1/events"]["get"]["responses"][200]["content"]["application/json"];
type EventQuery = NonNullable<paths["/v1/events"]["get"]["parameters"]["query"]>;
type Event = components["schemas"]["EventPublic"];
type Problem = components["schemas"]["Problem"];
type Statement = components["schemas"]["StatementPublic"];

export async function listEvents(base: string, query: EventQuery): Promise<EventList> {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(name, String(item));
  }
  const response = await fetch(`${base}/v1/events?${params}`);
  if (!response.ok) {
    const problem = (await response.json()) as Problem;
    throw new Error(`${problem.status} ${problem.title}: ${problem.detail}`);
  }
  return (await response.json()) as EventList;
}

export function headline(event: Event): string {
  const who = event.participants.map((p) => `${p.name} (${p.country ?? "?"})`).join(", ");
  return `${event.date ?? "undated"} ${event.type} ${event.countries.join("-")}: ${who}`;
}

export function quote(statement: Statement, sourceText: string): string {
  return sourceText.slice(statement.start, statement.end);
}

export async function allEvents(base: string, query: EventQuery): Promise<Event[]> {
  const events: Event[] = [];
  let cursor: string | null | undefined = undefined;
  do {
    const page: EventList = await listEvents(base, { ...query, cursor, limit: 500 });
    events.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return events;
}
