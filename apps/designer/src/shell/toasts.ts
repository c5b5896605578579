/**
 * Toast messages: every failure says what happened, what to try, and the request id for support.
 */
import { useSyncExternalStore } from 'react';
import { ApiError } from '../api/client.ts';

/** One message in the corner. */
export interface Toast {
  id: number;
  tone: 'error' | 'success' | 'info';
  text: string;
  requestId?: string;
}

let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

/** Shows a message; errors stay until dismissed, others fade after a few seconds. */
export function showToast(tone: Toast['tone'], text: string, requestId?: string): void {
  const toast: Toast = { id: nextId++, tone, text, ...(requestId ? { requestId } : {}) };
  toasts = [...toasts, toast].slice(-3);
  emit();
  if (tone !== 'error') setTimeout(() => dismissToast(toast.id), tone === 'info' ? 2500 : 4000);
}

/** Shows what a failed request (or any thrown thing) means for the user. */
export function showError(what: string, error: unknown): void {
  // An expired session takes the person to the sign-in page, which says so; a toast would repeat it.
  if (error instanceof ApiError && error.status === 401) return;
  if (error instanceof ApiError) showToast('error', `${what}: ${error.message}`, error.requestId);
  else showToast('error', `${what}: ${error instanceof Error ? error.message : String(error)}`);
}

/** Clears every message (a different person is about to use the page). */
export function clearToasts(): void {
  toasts = [];
  emit();
}

/** Clears the error messages (the person moved on to another section: they are about something else). */
export function clearErrorToasts(): void {
  if (!toasts.some((t) => t.tone === 'error')) return;
  toasts = toasts.filter((t) => t.tone !== 'error');
  emit();
}

export function dismissToast(id: number): void {
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

/** The toasts on screen now. */
export function useToasts(): Toast[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => toasts,
  );
}
