import { useState } from 'react';
import { repliesApi, type Delivery } from '../api/replies.ts';
import { showError, showToast } from '../shell/toasts.ts';
import { EmptyList } from './EmptyList.tsx';
import { formatTime } from './formatTime.ts';
import { useLoaded } from './useLoaded.ts';
import { WebhookSecretCard } from './WebhookSecretCard.tsx';

const KIND_WORDS: Record<string, string> = { team: 'In-app (team)', member: 'In-app (person)', email: 'E-mail', webhook: 'Webhook', slack: 'Slack', reply: 'Reply' };

/** One failed delivery with its reason and a Retry button. */
function DeliveryRow({ d, onRetried }: { d: Delivery; onRetried: () => void }) {
  const [busy, setBusy] = useState(false);
  const retry = () => {
    setBusy(true);
    repliesApi.retryDelivery(d.id).then(
      () => { showToast('success', 'Queued again — Baton tries it now.'); onRetried(); },
      (e) => showError('Could not retry the delivery', e),
    ).finally(() => setBusy(false));
  };
  return (
    <tr data-delivery-id={d.id} data-kind={d.kind}>
      <td>{KIND_WORDS[d.kind] ?? d.kind}</td>
      <td className="delivery-recipient">{d.recipient}{d.message && <div className="small muted">{d.message}</div>}</td>
      <td className="delivery-reason">{d.reason ?? <span className="muted">no reason given</span>}</td>
      <td>{d.attempts}</td>
      <td>{d.failedAt ? formatTime(d.failedAt) : ''}</td>
      <td>{d.caseId ? <a href={`#/console/case/${encodeURIComponent(d.caseId)}`}>Open</a> : <span className="muted">—</span>}</td>
      <td className="row-actions">
        <button type="button" onClick={retry} disabled={busy} aria-label={`Retry ${KIND_WORDS[d.kind] ?? d.kind} to ${d.recipient}`} data-testid="retry-delivery">Retry</button>
      </td>
    </tr>
  );
}

/** What Baton could not deliver — e-mail without SMTP, refused webhooks and Slack, failed replies — with the reason and Retry. */
export function DeliveriesPanel() {
  const failed = useLoaded(repliesApi.failedDeliveries, 'Could not load the failed deliveries');
  return (
    <div className="admin-stack">
      <div className="page-head">
        <p className="muted">Notifications, webhooks, Slack messages, e-mail and replies Baton gave up on. Fix the cause (an address, a setting, a token), then retry.</p>
        <button type="button" onClick={failed.reload}>Refresh</button>
      </div>
      {failed.data === null ? (
        <p className="muted" aria-busy="true">Loading deliveries…</p>
      ) : failed.data.deliveries.length === 0 ? (
        <EmptyList testId="deliveries-empty">Nothing failed — every notification and reply was delivered. Failures show up here with their reason.</EmptyList>
      ) : (
        <table className="maps-table admin-table" aria-label="Failed deliveries">
          <thead>
            <tr><th scope="col">Kind</th><th scope="col">To</th><th scope="col">Reason</th><th scope="col">Tries</th><th scope="col">Failed</th><th scope="col">Case</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr>
          </thead>
          <tbody>{failed.data.deliveries.map((d) => <DeliveryRow key={d.id} d={d} onRetried={failed.reload} />)}</tbody>
        </table>
      )}
      <WebhookSecretCard />
    </div>
  );
}
