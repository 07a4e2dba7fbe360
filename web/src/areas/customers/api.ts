// Customers routes: the list and its CSV and XLSX exports, one customer with their timeline, orders and
// interactions, and the signed-in user's saved views of the list.
import { API_BASE, buildQuery, type ExportFormat, request } from '../../api/client';
import type { Page } from '../../api/types';
import type {
  CustomerFilters,
  CustomerListItem,
  CustomerWithTimeline,
  InteractionInput,
  Order,
  SavedView,
  TimelineEvent,
} from './types';

export const PAGE_SIZE = 25;

export function listCustomers(
  filters: CustomerFilters,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<CustomerListItem>> {
  return request('GET', '/customers', {
    query: { ...filters, cursor, limit: PAGE_SIZE },
    ...(signal ? { signal } : {}),
  });
}

/** The CSV or XLSX download of the customers matching the filters, at most 100,000 (a plain
 *  link: the cookie goes too). Both formats take the same filters. */
export function customersExportUrl(format: ExportFormat, filters: CustomerFilters): string {
  return `${API_BASE}/customers/export.${format}${buildQuery({ ...filters })}`;
}

export const getCustomer = (id: number) =>
  request<CustomerWithTimeline>('GET', `/customers/${id}`, { query: { events: 20 } });
export const getTimeline = (id: number, cursor: string | null) =>
  request<Page<TimelineEvent>>('GET', `/customers/${id}/timeline`, {
    query: { cursor, limit: 20 },
  });
export const listOrders = (customerId: number, cursor: string | null) =>
  request<Page<Order>>('GET', '/orders', {
    query: { customer_id: customerId, cursor, limit: 10 },
  });
export const createInteraction = (input: InteractionInput) =>
  request<unknown>('POST', '/interactions', { body: input });

// Saved views of the signed-in user.
export const listViews = () => request<{ items: SavedView[] }>('GET', '/views');
export const createView = (name: string, query: CustomerFilters) =>
  request<SavedView>('POST', '/views', { body: { name, query } });
export const deleteView = (id: number) => request<void>('DELETE', `/views/${id}`);
