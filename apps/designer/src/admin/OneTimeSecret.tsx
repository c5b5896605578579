import { CopyButton } from './CopyButton.tsx';

/**
 * A secret shown once (an ingest token, a signing secret, a generated password): the value as
 * plain text, selectable, with a copy button and why it will not come back.
 */
export function OneTimeSecret({ label, value, testId, note }: { label: string; value: string; testId: string; note: string }) {
  return (
    <div className="one-time-secret" role="group" aria-label={label}>
      <div className="one-time-label">{label}</div>
      <div className="one-time-value">
        <code data-testid={testId}>{value}</code>
        <CopyButton text={value} label={label} />
      </div>
      <p className="one-time-note">{note}</p>
    </div>
  );
}
