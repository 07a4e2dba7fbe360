// Customers: profiles, their timeline, orders, interactions and saved views of the list
// (/api/v1/customers, /orders, /interactions, /views). Money is in integer minor units with a
// currency code.
import type { Page } from '../../api/types';
import type { ListPrediction } from '../retention/types';

export interface Customer {
  id: number;
  external_id: string;
  name: string;
  emails: string[];
  phones: string[];
  preferred_language: string;
  country: string;
  time_zone: string;
  first_seen: string | null;
  consent: Record<string, boolean>;
  tags: string[];
  attributes: Record<string, string>;
  account_owner: string;
  created_at: string;
  updated_at: string;
}

export interface CustomerListItem extends Customer {
  prediction: ListPrediction | null;
}

export interface TimelineEvent {
  type: 'order' | 'interaction';
  id: number;
  at: string;
  kind: string;
  channel: string | null;
  summary: string;
  amount_minor: number | null;
  currency: string | null;
}

export interface CustomerWithTimeline extends Customer {
  timeline: Page<TimelineEvent>;
}

export interface OrderLine {
  product_id: number;
  sku: string;
  description: string;
  quantity: number;
  unit_price_minor: number;
  discount_minor: number;
  amount_minor: number;
}

export interface Order {
  id: number;
  external_id: string;
  customer_id: number;
  ordered_at: string;
  currency: string;
  status: string;
  total_minor: number;
  discount_minor: number;
  lines: OrderLine[];
}

export type InteractionKind = 'note' | 'call' | 'meeting';

export interface InteractionInput {
  customer_id: number;
  kind: InteractionKind;
  channel: string;
  summary: string;
  occurred_at: string;
  /** Free-form details; the app sends none. */
  details?: Record<string, unknown>;
  /** Who logged it; the app leaves it to the server. */
  author?: string;
}

/** Filters of the customers list; the same keys go to export.csv and into saved views. */
export interface CustomerFilters {
  q?: string;
  segment?: string;
  tier?: string;
  risk?: string;
  category?: string;
  language?: string;
  country?: string;
  sort?: string;
}

export interface SavedView {
  id: number;
  name: string;
  query: CustomerFilters;
  created_at: string;
}
