/**
 * Is this page inside an Office host, even when office.js did not load? office.js itself finds its
 * host (node_modules/@microsoft/office-js/dist/office.debug.js, `_retrieveHostInfo`) through
 * `window.external.GetHostInfo` (Windows webviews), an `agaveHost` object (Mac), the `_host_Info`
 * query parameter Office adds to the pane's URL, or a `hostInfo` in window.name (Office on the web).
 * When one of these is there and `Office` is not, Microsoft's CDN was unreachable: the pane says so
 * rather than falling silently into its standalone mode.
 */
export function dansOffice(w: Window): boolean {
  const ww = w as unknown as { external?: { GetHostInfo?: unknown }; agaveHost?: unknown };
  try {
    if (ww.external && typeof ww.external.GetHostInfo === "function") return true;
  } catch {
    // window.external throws in some engines when probed
  }
  if (ww.agaveHost !== undefined) return true;
  if (/[?&]_host_Info=/i.test(w.location.search)) return true;
  try {
    const nom = JSON.parse(w.name) as { hostInfo?: unknown } | null;
    if (nom && typeof nom === "object" && nom.hostInfo) return true;
  } catch {
    // window.name is not JSON: an ordinary browser tab
  }
  return false;
}
