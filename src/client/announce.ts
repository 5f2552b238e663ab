/** Says something to screen-reader users through the page's polite live region (layouts/base.liquid). */
export function announce(message: string): void {
  const region = document.querySelector("[data-announcer]");
  if (region) region.textContent = message;
}
