// The areas and their organisations, for choosing who runs a consultation.
import type { Area } from "#shared/schemas/areas";
import { callApi } from "./api";
import { areasCache } from "./settings";

/** Fresh when the server answers, else the last copy (so clipping works offline). */
export async function loadAreas(): Promise<Area[]> {
  try {
    const { items } = await callApi((api) => api.GET("/areas"));
    await areasCache.setValue(items);
    return items;
  } catch {
    return areasCache.getValue();
  }
}
