import { useEffect, useRef } from 'react';
import { CONSOLE_SHORTCUTS } from './consoleKeys.ts';

/** The `?` overlay: every console shortcut and what it does. */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div className="shortcuts-backdrop" onClick={onClose}>
      <div className="shortcuts-help" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" data-testid="shortcuts-help" onClick={(e) => e.stopPropagation()}>
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <dl>
          {CONSOLE_SHORTCUTS.map((s) => (
            <div key={s.key} className="shortcut" data-shortcut={s.key}>
              <dt><kbd>{s.key === 'Escape' ? 'Esc' : s.key}</kbd></dt>
              <dd>{s.label}</dd>
            </div>
          ))}
        </dl>
        <p className="muted small">Shortcuts do nothing while you type in a box.</p>
        <button type="button" ref={close} onClick={onClose} data-testid="shortcuts-close">Close</button>
      </div>
    </div>
  );
}
