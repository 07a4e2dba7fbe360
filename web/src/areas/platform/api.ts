// Platform routes: the audit log and its exports (admins only; others get 403).
import { API_BASE, buildQuery, type ExportFormat, request } from '../../api/client';
import type { Page } from '../../api/types';
import type { AuditEntry } from './types';

export const AUDIT_PAGE_SIZE = 50;

/** One page of entries, newest first; query is auditApiQuery()'s answer. */
export function listAudit(
  query: Record<string, string>,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<AuditEntry>> {
  return request('GET', '/audit', {
    query: { ...query, cursor, limit: AUDIT_PAGE_SIZE },
    ...(signal ? { signal } : {}),
  });
}

/** The CSV or XLSX download of the entries matching the same filters, at most 100,000 (a plain
 *  link: the cookie goes too); query is auditApiQuery()'s answer. */
export function auditExportUrl(format: ExportFormat, query: Record<string, string>): string {
  return `${API_BASE}/audit/export.${format}${buildQuery(query)}`;
}
