import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  // As staticwebapp.config.json declares it for Azure: a markdown copy shows as text.
  ".md": "text/markdown; charset=utf-8",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
};

/** The site's `_headers` file (Netlify / Cloudflare Pages format) as path patterns with their headers. */
function readHeadersFile(root: string): { pattern: RegExp; headers: Record<string, string> }[] {
  const file = path.join(root, "_headers");
  if (!existsSync(file)) return [];
  const rules: { pattern: RegExp; headers: Record<string, string> }[] = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line.trim()) continue;
    if (!/^\s/.test(line)) {
      const pattern = new RegExp(
        `^${line
          .trim()
          .replace(/[.+?^${}()|[\]\\]/g, "\\$&")
          .replace(/\*/g, ".*")}$`,
      );
      rules.push({ pattern, headers: {} });
    } else {
      const [name = "", ...value] = line.trim().split(":");
      const rule = rules.at(-1);
      if (rule) rule.headers[name.trim()] = value.join(":").trim();
    }
  }
  return rules;
}

/**
 * Serves a built site on 127.0.0.1 the way a static host does: 404.html for what is missing, the
 * `_headers` file applied (so browser tests run under the real Content-Security-Policy), and the site
 * under a path prefix when one is given.
 */
export async function serveSite(root: string, prefix = "/"): Promise<{ url: string; close(): Promise<void> }> {
  const headerRules = readHeadersFile(root);
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const inside = pathname.startsWith(prefix);
    let file = path.join(root, inside ? pathname.slice(prefix.length - 1) : "/404.html");
    if (!file.startsWith(root)) file = path.join(root, "404.html");
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
    const found = inside && existsSync(file);
    const served = found ? file : path.join(root, "404.html");
    const headers: Record<string, string> = { "content-type": types[path.extname(served)] ?? "application/octet-stream" };
    for (const rule of headerRules) if (rule.pattern.test(pathname)) Object.assign(headers, rule.headers);
    response.writeHead(found ? 200 : 404, headers);
    createReadStream(served).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
