import type { SourceContext } from './sourceTypes.ts';

/** Most redirects a source follows. */
const MAX_REDIRECTS = 5;

/**
 * `fetch` for a source: every URL, and every redirect's target, passes the outbound guard first,
 * so a feed cannot redirect Baton into a private network. Times out after 30 s.
 */
export async function guardedFetch(ctx: Pick<SourceContext, 'guard' | 'signal'>, url: string, init: RequestInit = {}): Promise<Response> {
  let target = url;
  for (let hop = 0; ; hop++) {
    await ctx.guard(target);
    const res = await fetch(target, { ...init, redirect: 'manual', signal: AbortSignal.any([ctx.signal, AbortSignal.timeout(30_000)]) });
    const location = res.headers.get('location');
    if (res.status < 300 || res.status >= 400 || res.status === 304 || !location) return res;
    if (hop >= MAX_REDIRECTS) throw new Error(`more than ${MAX_REDIRECTS} redirects from ${url}`);
    await res.body?.cancel();
    target = new URL(location, target).toString();
  }
}
