/**
 * Copying the summary. The asynchronous Clipboard API first; Office's webviews and older hosts
 * may refuse it (permission policy of the frame), so the old selection + execCommand("copy") is
 * the fallback. Nothing leaves the machine either way.
 */
export async function copierTexte(texte: string): Promise<boolean> {
  try {
    if (navigator.clipboard && typeof navigator.clipboard.writeText === "function") {
      await navigator.clipboard.writeText(texte);
      return true;
    }
  } catch {
    // Refused by the host: try the fallback below.
  }
  const zone = document.createElement("textarea");
  zone.value = texte;
  zone.setAttribute("readonly", "");
  zone.setAttribute("aria-hidden", "true");
  zone.className = "hors-ecran";
  document.body.appendChild(zone);
  try {
    zone.select();
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    zone.remove();
  }
}
