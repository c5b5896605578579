import type { Network } from '@baton/engine';
import { NETWORK_BADGES } from './network.ts';

/** The network a mention came from, as a small labelled badge. */
export function NetworkIcon({ network }: { network: Network }) {
  const badge = NETWORK_BADGES[network] ?? NETWORK_BADGES.other;
  return (
    <span className={`network-icon network-${network}`} role="img" aria-label={badge.name} title={badge.name}>
      {badge.short}
    </span>
  );
}
