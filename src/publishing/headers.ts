import type { SiteSettings } from "../site-settings.ts";

const origin = (url: string) => new URL(url).origin;

/**
 * The Content-Security-Policy every page satisfies: nothing inline, nothing from elsewhere.
 * 'wasm-unsafe-eval' lets the search page compile Pagefind's WebAssembly; it allows no JavaScript eval.
 * Configured analytics add their own origins, and nothing else does.
 */
export function contentSecurityPolicy(site: SiteSettings): string {
  const analytics = site.analytics;
  const scriptOrigins = analytics ? [origin(analytics.script_url)] : [];
  const connectOrigins = analytics
    ? [...new Set([origin(analytics.script_url), origin(analytics.connect_url ?? analytics.script_url)])]
    : [];
  return [
    "default-src 'none'",
    ["script-src 'self' 'wasm-unsafe-eval'", ...scriptOrigins].join(" "),
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    ["connect-src 'self'", ...connectOrigins].join(" "),
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join("; ");
}

/**
 * The same policy for a <meta http-equiv> tag, for hosts that cannot send headers (GitHub Pages).
 * Browsers ignore frame-ancestors in a meta tag, so it is left out there.
 */
export function metaContentSecurityPolicy(site: SiteSettings): string {
  return contentSecurityPolicy(site)
    .split("; ")
    .filter((directive) => !directive.startsWith("frame-ancestors"))
    .join("; ");
}

/** Response headers for every file of the site, as name → value. */
export function securityHeaders(site: SiteSettings): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(site),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
    "X-Frame-Options": "DENY",
  };
}

/** The `_headers` file Netlify and Cloudflare Pages read: the security headers on every path of the site. */
export function headersFile(site: SiteSettings): string {
  const lines = Object.entries(securityHeaders(site)).map(([name, value]) => `  ${name}: ${value}`);
  return [`${site.path_prefix}*`, ...lines, ""].join("\n");
}

/** Azure Static Web Apps reads headers and the not-found page from staticwebapp.config.json. */
export function staticWebAppConfig(site: SiteSettings): string {
  const config = {
    globalHeaders: securityHeaders(site),
    // Each published guide's markdown copy (…/index.md), as text the browser shows rather than downloads.
    mimeTypes: { ".md": "text/markdown; charset=utf-8" },
    responseOverrides: { "404": { rewrite: `${site.path_prefix}404.html` } },
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}
