import { useEffect } from "react";

/** Calls `callback` every `ms` while `active`; stops when inactive or unmounted. */
export function useInterval(callback: () => void, ms: number, active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(callback, ms);
    return () => clearInterval(timer);
  }, [callback, ms, active]);
}
