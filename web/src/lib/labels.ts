// Names of API enum values (segments, tiers, risks, kinds...) through the catalogue, with the
// raw value as a last resort so that a value added on the server still shows.
import type { I18n } from '../i18n/i18n';

export const SEGMENTS = [
  'champions',
  'loyal',
  'potential_loyalist',
  'new',
  'promising',
  'need_attention',
  'about_to_sleep',
  'at_risk',
  'cant_lose',
  'hibernating',
  'lost',
] as const;

/** The R x FM grid of docs/segments.md: rows R = 5 down to 1, columns FM = 1 to 5. */
export const RFM_GRID: readonly (readonly (typeof SEGMENTS)[number][])[] = [
  ['new', 'potential_loyalist', 'potential_loyalist', 'champions', 'champions'],
  ['promising', 'potential_loyalist', 'potential_loyalist', 'loyal', 'loyal'],
  ['about_to_sleep', 'about_to_sleep', 'need_attention', 'loyal', 'loyal'],
  ['hibernating', 'hibernating', 'at_risk', 'at_risk', 'cant_lose'],
  ['lost', 'lost', 'at_risk', 'at_risk', 'cant_lose'],
];

export const TIERS = ['low', 'middle', 'high'] as const;
export const SERVICE_OF_TIER = { low: 'bargain', middle: 'standard', high: 'premium' } as const;
export const RISKS = ['low', 'medium', 'high', 'churned'] as const;
export const SORTS = ['name', '-clv', '-p_alive', '-last_order'] as const;
export const CUSTOMER_LANGUAGES = ['en', 'fr', 'ca', 'vi', 'ar', 'es', 'de', 'it', 'nl', 'pt'];

export const segmentName = (i18n: I18n, s: string) => i18n.tDynamic(`segment.${s}`, s);
export const segmentHelp = (i18n: I18n, s: string) => i18n.tDynamic(`segmentHelp.${s}`, '');
export const tierName = (i18n: I18n, t: string) => i18n.tDynamic(`tier.${t}`, t);
export const serviceName = (i18n: I18n, s: string) => i18n.tDynamic(`service.${s}`, s);
export const riskName = (i18n: I18n, r: string) => i18n.tDynamic(`risk.${r}`, r);
export const kindName = (i18n: I18n, k: string) => i18n.tDynamic(`kind.${k}`, k);
export const channelName = (i18n: I18n, c: string) => i18n.tDynamic(`channel.${c}`, c);
export const statusName = (i18n: I18n, s: string) => i18n.tDynamic(`orderStatus.${s}`, s);
export const sortName = (i18n: I18n, s: string) =>
  i18n.tDynamic(`sort.${s.replace('-', 'desc_')}`, s);

/** "Food/Pizza" reads "Food › Pizza"; callers wrap it in <bdi> so it keeps its own direction. */
export function categoryName(i18n: I18n, path: string): string {
  void i18n;
  return path.split('/').join(' › ');
}
