import { useEffect } from 'react';
import { navigate } from './route.ts';

/** Whether a key press happens while typing (then `/` is a character, not a shortcut). */
function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/** `/` anywhere (but in a text field) opens Search with its words box focused. */
export function useSearchShortcut(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      e.preventDefault();
      if (location.hash.startsWith('#/search')) document.getElementById('search-q')?.focus();
      else navigate('#/search');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
