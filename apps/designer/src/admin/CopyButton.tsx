import { showToast } from '../shell/toasts.ts';

/** Copies a text to the clipboard and says so; `label` names what is copied for screen readers. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      showToast('success', `${label} copied.`);
    } catch {
      showToast('error', `Could not copy the ${label.toLowerCase()}: select it and copy it by hand.`);
    }
  };
  return (
    <button type="button" onClick={copy} aria-label={`Copy ${label.toLowerCase()}`}>
      Copy
    </button>
  );
}
