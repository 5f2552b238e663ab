// npm start only: shows the preview's build problems over the last good page, and takes them away
// once a build succeeds. Production pages never load it.
const statusUrl = "/.preview/problems.json";
const stylesheetUrl = "/.preview/problems.css";
const checkEveryMs = 1000;

interface PreviewStatus {
  /** The problems of the last build, one `file:line: field: problem: fix` line each; empty when it succeeded. */
  problems: string[];
}

let overlay: HTMLElement | undefined;

function show(problems: string[]): void {
  if (!overlay) {
    const stylesheet = document.createElement("link");
    stylesheet.rel = "stylesheet";
    stylesheet.href = stylesheetUrl;
    document.head.append(stylesheet);
    overlay = document.createElement("section");
    overlay.className = "preview-problems";
    overlay.setAttribute("role", "alert");
    document.body.append(overlay);
  }
  const heading = document.createElement("h2");
  heading.textContent = "The preview could not be rebuilt; this page is the last good one.";
  const list = document.createElement("pre");
  list.textContent = problems.join("\n");
  overlay.replaceChildren(heading, list);
}

function hide(): void {
  overlay?.remove();
  overlay = undefined;
}

async function check(): Promise<void> {
  try {
    const response = await fetch(statusUrl, { cache: "no-store" });
    const { problems } = (await response.json()) as PreviewStatus;
    if (problems.length > 0) show(problems);
    else hide();
  } catch {
    // The preview is restarting; the next check will tell.
  }
}

void check();
setInterval(() => void check(), checkEveryMs);
