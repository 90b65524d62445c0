import { useEffect, useRef } from "react";

/**
 * A ref for a message that takes focus (so that a screen reader reads it and the keyboard is there)
 * each time `when` becomes a new truthy value. An effect runs after React has put the element on the
 * page; a frame callback from an event handler could run before that, and focus nothing.
 */
export function useFocusWhen<T extends HTMLElement>(when: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (when) ref.current?.focus();
  }, [when]);
  return ref;
}
