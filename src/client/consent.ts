// Analytics load only after the reader says yes; declining, or never answering, loads nothing.
const storageKey = "dspm-guides-analytics";
type Decision = "accepted" | "declined";

function storedDecision(): Decision | undefined {
  try {
    const value = localStorage.getItem(storageKey);
    return value === "accepted" || value === "declined" ? value : undefined;
  } catch {
    return undefined;
  }
}

function storeDecision(decision: Decision | undefined): void {
  try {
    if (decision) localStorage.setItem(storageKey, decision);
    else localStorage.removeItem(storageKey);
  } catch {
    // Without storage the banner asks again on the next page, and nothing loads meanwhile.
  }
}

function loadAnalytics(url: string): void {
  if (document.querySelector(`script[src="${CSS.escape(url)}"]`)) return;
  const script = document.createElement("script");
  script.src = url;
  script.async = true;
  document.head.append(script);
}

export function setUpConsent(): void {
  const banner = document.querySelector<HTMLElement>("[data-consent]");
  const scriptUrl = banner?.dataset.consent;
  if (!banner || !scriptUrl) return;
  const decide = (decision: Decision) => {
    storeDecision(decision);
    banner.hidden = true;
    if (decision === "accepted") loadAnalytics(scriptUrl);
  };
  banner.querySelector("[data-consent-accept]")?.addEventListener("click", () => decide("accepted"));
  banner.querySelector("[data-consent-decline]")?.addEventListener("click", () => decide("declined"));
  const reopen = document.querySelector<HTMLButtonElement>("[data-consent-reopen]");
  if (reopen) {
    reopen.hidden = false;
    reopen.addEventListener("click", () => {
      storeDecision(undefined);
      banner.hidden = false;
    });
  }
  const decision = storedDecision();
  if (decision === "accepted") loadAnalytics(scriptUrl);
  else if (!decision) banner.hidden = false;
}
