// History routing: paths are real URLs (the server answers index.html for every non-/api
// path). The route table lives in app.tsx; this file only tracks and changes the location.
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

const CHANGE = 'centric:navigate';

export interface Location {
  path: string;
  query: URLSearchParams;
}

function current(): Location {
  return { path: window.location.pathname, query: new URLSearchParams(window.location.search) };
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === window.location.pathname + window.location.search) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(CHANGE));
}

export function useLocation(): Location {
  const [location, setLocation] = useState(current);
  useEffect(() => {
    const update = () => setLocation(current());
    window.addEventListener('popstate', update);
    window.addEventListener(CHANGE, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(CHANGE, update);
    };
  }, []);
  return location;
}

/** Which route a path is, with its parameters. */
export type Route =
  | { name: 'dashboard' }
  | { name: 'sign-in' }
  | { name: 'customers' }
  | { name: 'customer'; id: number }
  | { name: 'segments' }
  | { name: 'cross-sell' }
  | { name: 'admin-users' }
  | { name: 'admin-audit' }
  | { name: 'admin-webhooks' }
  | { name: 'admin-webhook'; id: number }
  | { name: 'not-found' };

export function matchRoute(path: string): Route {
  const clean = path.length > 1 ? path.replace(/\/+$/, '') : path;
  if (clean === '/' || clean === '') return { name: 'dashboard' };
  if (clean === '/sign-in') return { name: 'sign-in' };
  if (clean === '/customers') return { name: 'customers' };
  const customer = /^\/customers\/(\d+)$/.exec(clean);
  if (customer) return { name: 'customer', id: Number(customer[1]) };
  if (clean === '/segments') return { name: 'segments' };
  if (clean === '/cross-sell') return { name: 'cross-sell' };
  if (clean === '/admin/users' || clean === '/admin') return { name: 'admin-users' };
  if (clean === '/admin/audit') return { name: 'admin-audit' };
  if (clean === '/admin/webhooks') return { name: 'admin-webhooks' };
  const webhook = /^\/admin\/webhooks\/(\d+)$/.exec(clean);
  if (webhook) return { name: 'admin-webhook', id: Number(webhook[1]) };
  return { name: 'not-found' };
}

type AnchorProps = JSX.HTMLAttributes<HTMLAnchorElement> & {
  href: string;
  children?: ComponentChildren;
};

/** An <a> that navigates without reloading on a plain left click. */
export function Link({ href, onClick, ...rest }: AnchorProps) {
  return (
    <a
      href={href}
      onClick={(event) => {
        if (onClick) (onClick as (e: MouseEvent) => void)(event);
        if (
          event.defaultPrevented ||
          event.button !== 0 ||
          event.metaKey ||
          event.ctrlKey ||
          event.shiftKey ||
          event.altKey
        ) {
          return;
        }
        event.preventDefault();
        navigate(href);
      }}
      {...rest}
    />
  );
}
