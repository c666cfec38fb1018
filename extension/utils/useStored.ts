// A stored item as Preact state that follows changes made elsewhere (the service worker, another page).
import { useEffect, useState } from "preact/hooks";
import type { WxtStorageItem } from "wxt/utils/storage";

/** Undefined until read. */
export function useStored<T, M extends Record<string, unknown>>(item: WxtStorageItem<T, M>): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    void item.getValue().then(setValue);
    return item.watch((next) => setValue(next));
  }, [item]);
  return value;
}
