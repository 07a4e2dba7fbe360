// Conversions between <input type="datetime-local"> values and the API's ISO 8601 UTC times.

/** "2025-03-02T10:05" in the viewer's time zone, for a datetime-local input. */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** "2025-03-02T09:05:00Z": UTC, whole seconds (what the API writes back). */
export function toIsoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
