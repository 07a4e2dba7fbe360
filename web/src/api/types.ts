// JSON shapes shared by every /api/v1 route (see docs/api.md): the error body and a page of a
// cursor-paged list. Each area's own shapes live in src/areas/<area>/types.ts.

export interface ErrorBody {
  error: { code: string; message: string; field: string | null };
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}
