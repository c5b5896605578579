import { useState } from 'react';
import type { DragEvent } from 'react';
import type { NodeType } from '@baton/engine';

/** The drag-and-drop payload type of a palette item. */
export const PALETTE_MIME = 'application/x-baton-node';

const ITEMS: { type: NodeType; name: string; icon: string; hint: string }[] = [
  { type: 'trigger', name: 'Trigger', icon: '▶', hint: 'What makes us pass the ball' },
  { type: 'decision', name: 'Decision', icon: '◆', hint: 'Which way does it go' },
  { type: 'action', name: 'Action', icon: '⚙', hint: 'Automated step: tag, notify, reply, log' },
  { type: 'pass', name: 'Pass', icon: '⇢', hint: 'To whom, what before, what by when' },
  { type: 'end', name: 'End', icon: '■', hint: 'Outcome, who must know, lessons' },
];

/** Node types to drag onto the canvas (or press Enter on, to add at the centre). */
export function Palette({ onAdd, disabled }: { onAdd: (type: NodeType) => void; disabled: boolean }) {
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  const shown = ITEMS.filter((i) => !q || `${i.type} ${i.name} ${i.hint}`.toLowerCase().includes(q));

  const onDragStart = (event: DragEvent, type: NodeType) => {
    event.dataTransfer.setData(PALETTE_MIME, type);
    event.dataTransfer.setData('text/plain', type);
    event.dataTransfer.effectAllowed = 'move';
  };

  return (
    <aside className="palette" aria-label="Palette">
      <label className="visually-hidden" htmlFor="palette-search">Search node types</label>
      <input
        id="palette-search"
        type="search"
        placeholder="Search steps…"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          // Enter adds the first match, so a step can be found and placed from the keyboard.
          if (e.key === 'Enter' && shown[0] && !disabled) {
            e.preventDefault();
            onAdd(shown[0].type);
          }
        }}
      />
      <ul>
        {shown.map((item) => (
          <li key={item.type}>
            <button
              type="button"
              className={`palette-item palette-${item.type}`}
              data-palette-item={item.type}
              draggable={!disabled}
              disabled={disabled}
              onDragStart={(e) => onDragStart(e, item.type)}
              onClick={() => onAdd(item.type)}
              title={`Drag onto the canvas, or click to add: ${item.hint}`}
            >
              <span className="palette-icon" aria-hidden="true">{item.icon}</span>
              <span>
                <strong>{item.name}</strong>
                <span className="palette-hint">{item.hint}</span>
              </span>
            </button>
          </li>
        ))}
        {shown.length === 0 && <li className="muted small">No step matches “{query}”.</li>}
      </ul>
      <p className="palette-help muted small">Drag a step onto the canvas. Connect steps by dragging from a dot at the bottom of one to the top of another.</p>
    </aside>
  );
}
