// The ceiling: the same runtime returning a fixed page, with no routing, database or rendering.
const PAGE = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Ceiling</title></head><body><p>${"Fixed response. ".repeat(60)}</p></body></html>`;

export default {
  fetch(): Response {
    return new Response(PAGE, { headers: { "Content-Type": "text/html; charset=utf-8" } });
  },
} satisfies ExportedHandler;
