import { useEffect, useRef } from 'react';
import { invoke, lastCallTime } from '../api-client';

const INPUT_EVENTS = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart', 'focusin'] as const;
const CHECK_EVERY_MS = 5_000;

/**
 * Locks the session after `minutes` without mouse or keyboard input (0 = never): calls auth.lock and
 * then `onLock`. The backend counts idle time from the last call, so while the user works without
 * making calls (typing a long form) a cheap call keeps the backend's clock in step.
 */
export function useIdleLock(minutes: number, enabled: boolean, onLock: () => void): void {
  const onLockRef = useRef(onLock);
  onLockRef.current = onLock;

  useEffect(() => {
    if (!enabled || minutes <= 0) return;
    const idleMs = minutes * 60_000;
    let lastInput = Date.now();
    let locking = false;
    let keepingAlive = false;

    const onInput = () => {
      lastInput = Date.now();
      if (keepingAlive || lastInput - lastCallTime() <= idleMs / 2) return;
      keepingAlive = true;
      void invoke('settings.get', {}).finally(() => {
        keepingAlive = false;
      });
    };
    const check = () => {
      if (locking || Date.now() - lastInput < idleMs) return;
      locking = true;
      void invoke('auth.lock', {}).then(() => onLockRef.current());
    };

    for (const name of INPUT_EVENTS) window.addEventListener(name, onInput, { passive: true, capture: true });
    const timer = window.setInterval(check, Math.min(CHECK_EVERY_MS, idleMs));
    return () => {
      for (const name of INPUT_EVENTS) window.removeEventListener(name, onInput, { capture: true });
      window.clearInterval(timer);
    };
  }, [minutes, enabled]);
}
