// Text into HTML, always escaped: trace text is untrusted.

const HTML_SPECIAL: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_SPECIAL[c]!);
}

/**
 * A fresh nonce for a Content-Security-Policy (128 random bits, base64). Web Crypto, a global:
 * `node:crypto` would load with every CLI run, not only with an HTML page.
 */
export function cspNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
