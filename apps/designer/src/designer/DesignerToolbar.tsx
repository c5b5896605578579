import { useRef } from 'react';
import type { ChangeEvent, ReactNode } from 'react';

export type Mode = 'design' | 'simulate' | 'review';

const STATE_WORDS: Record<string, string> = {
  draft: 'draft', submitted: 'submitted', approved: 'approved', rejected: 'rejected', retired: 'retired',
};

/** The bar on top of the canvas: name, version and state, mode switch, and the map's commands. */
export function DesignerToolbar(props: {
  name: string;
  version: number | null;
  state: string | null;
  dirty: boolean;
  mode: Mode;
  busy: 'saving' | 'submitting' | null;
  canUndo: boolean;
  canRedo: boolean;
  editable: boolean;
  onMode: (mode: Mode) => void;
  onSave: () => void;
  onSubmit: () => void;
  onUndo: () => void;
  onRedo: () => void;
  onLayout: () => void;
  onExport: (what: 'json' | 'machine' | 'png' | 'svg') => void;
  onImport: (file: File) => void;
  /** Controls shown before the map's commands (the lesson period). */
  extra?: ReactNode;
}) {
  const { name, version, state, dirty, mode, busy, canUndo, canRedo, editable } = props;
  const fileInput = useRef<HTMLInputElement>(null);
  const menu = useRef<HTMLDetailsElement>(null);
  const pick = (what: 'json' | 'machine' | 'png' | 'svg') => {
    if (menu.current) menu.current.open = false;
    props.onExport(what);
  };
  const importFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (menu.current) menu.current.open = false;
    if (file) props.onImport(file);
  };
  return (
    <div className="designer-toolbar" role="toolbar" aria-label="Map">
      <div className="map-title">
        <h1 data-testid="map-name">{name || 'Untitled map'}</h1>
        <span className="state-line" data-testid="map-version" data-version={version ?? ''} data-state={state ?? 'new'}>
          {version ? `v${version} · ${STATE_WORDS[state ?? ''] ?? state}` : 'not saved yet'}
          {dirty && <span className="dirty" data-testid="unsaved"> · unsaved changes</span>}
        </span>
      </div>
      <div className="mode-switch" role="group" aria-label="Mode">
        {(['design', 'simulate', 'review'] as const).map((m) => (
          <button key={m} type="button" aria-pressed={mode === m} data-mode={m} onClick={() => props.onMode(m)}>
            {m === 'design' ? 'Design' : m === 'simulate' ? 'Simulate' : 'Review'}
          </button>
        ))}
      </div>
      <div className="toolbar-buttons">
        {props.extra}
        <button type="button" className="icon-button" aria-label="Undo (Ctrl+Z)" title="Undo (Ctrl+Z)" data-testid="undo" disabled={!editable || !canUndo} onClick={props.onUndo}>↶</button>
        <button type="button" className="icon-button" aria-label="Redo (Ctrl+Shift+Z)" title="Redo (Ctrl+Shift+Z)" data-testid="redo" disabled={!editable || !canRedo} onClick={props.onRedo}>↷</button>
        <button type="button" data-testid="auto-layout" disabled={!editable} onClick={props.onLayout}>Auto-layout</button>
        <details className="menu" ref={menu}>
          <summary data-testid="export-menu">Export</summary>
          <div className="menu-items" role="menu">
            <button type="button" role="menuitem" data-export="json" onClick={() => pick('json')}>Map JSON</button>
            <button type="button" role="menuitem" data-export="machine" onClick={() => pick('machine')}>XState machine (JSON)</button>
            <button type="button" role="menuitem" data-export="png" onClick={() => pick('png')}>PNG image</button>
            <button type="button" role="menuitem" data-export="svg" onClick={() => pick('svg')}>SVG image</button>
            <hr />
            <button type="button" role="menuitem" disabled={!editable} onClick={() => fileInput.current?.click()}>Replace from JSON file…</button>
            <input ref={fileInput} type="file" accept="application/json,.json" hidden onChange={importFile} data-testid="designer-import-file" />
          </div>
        </details>
        <button type="button" data-testid="save-map" disabled={!editable || busy !== null} onClick={props.onSave} title="Save draft (Ctrl+S)">
          {busy === 'saving' ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="primary" data-testid="submit-map" disabled={!editable || busy !== null} onClick={props.onSubmit}>
          {busy === 'submitting' ? 'Submitting…' : 'Submit'}
        </button>
      </div>
    </div>
  );
}
