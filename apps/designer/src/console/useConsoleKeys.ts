import { useEffect, useState } from 'react';
import { navigate } from '../shell/route.ts';
import { caseHash, caseIdFromHash } from './consoleRoute.ts';
import { shortcutFor, stepThrough } from './consoleKeys.ts';

/** The queue's order, remembered from the last time the queue was shown, for j/k inside a case. */
const ORDER_KEY = 'baton.queueOrder';

function queueOrder(): string[] {
  const rows = [...document.querySelectorAll<HTMLElement>('.queue-row[data-case-id]')].map((el) => el.dataset.caseId!);
  if (rows.length) {
    sessionStorage.setItem(ORDER_KEY, JSON.stringify(rows));
    return rows;
  }
  try {
    return JSON.parse(sessionStorage.getItem(ORDER_KEY) ?? '[]') as string[];
  } catch {
    return [];
  }
}

function clickFirst(selector: string): boolean {
  const el = document.querySelector<HTMLButtonElement>(selector);
  if (!el || el.disabled) return false;
  el.click();
  return true;
}

/**
 * The console's keyboard shortcuts (see `CONSOLE_SHORTCUTS`): j/k move through the queue (the
 * focused row in the queue, the next or previous case inside one), c claims, r goes to the reply
 * box, o to the outcome buttons, u back to the queue, `/` to search, `?` shows them all. Keys
 * typed into a text box are left alone. Answers whether the `?` list is open, and how to close it.
 */
export function useConsoleKeys(): { helpOpen: boolean; closeHelp: () => void } {
  const [helpOpen, setHelpOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = shortcutFor({ key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, target: e.target as HTMLElement | null });
      if (!action) return;
      const openCase = caseIdFromHash(location.hash);
      switch (action) {
        case 'help':
          setHelpOpen((open) => !open);
          break;
        case 'close':
          if (!document.querySelector('[data-testid="shortcuts-help"]')) return;
          setHelpOpen(false);
          break;
        case 'search':
          navigate('#/search');
          break;
        case 'queue':
          if (!openCase) return;
          navigate('#/console');
          break;
        case 'next':
        case 'previous': {
          const step = action === 'next' ? 1 : -1;
          if (openCase) {
            const next = stepThrough(queueOrder(), openCase, step);
            if (next) navigate(caseHash(next));
          } else {
            const rows = [...document.querySelectorAll<HTMLAnchorElement>('.queue-row[data-case-id]')];
            queueOrder();
            const focused = rows.findIndex((r) => r === document.activeElement);
            const target = rows[focused === -1 ? (step === 1 ? 0 : rows.length - 1) : focused + step];
            target?.focus();
          }
          break;
        }
        case 'claim':
          if (!openCase || !(clickFirst('[data-testid="claim"]') || clickFirst('[data-testid="renew"]'))) return;
          break;
        case 'reply': {
          const box = document.querySelector<HTMLTextAreaElement>('[data-testid="reply-text"]');
          if (!box) return;
          box.focus();
          break;
        }
        case 'outcome': {
          const first = document.querySelector<HTMLButtonElement>('[data-outcome]:not(:disabled)');
          if (!first) return;
          first.focus();
          break;
        }
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return { helpOpen, closeHelp: () => setHelpOpen(false) };
}
