// A guide's table of contents: folded on a phone, where it would push the guide a screen down; open
// beside the guide on a wider screen, where it marks the section being read. Without this script it
// stays folded and opens on a tap, and its links work the same.

/** The phone widths the styles use (styles/components/_navigation.scss). */
const phone = "(max-width: 40rem)";

/** A section counts as being read once its start passes this far down the window. */
const readingLine = 0.25;

function setUpContents(): void {
  const contents = document.querySelector<HTMLDetailsElement>("details[data-contents]");
  if (!contents) return;

  const onPhone = window.matchMedia(phone);
  contents.open = !onPhone.matches;
  onPhone.addEventListener("change", () => (contents.open = !onPhone.matches));

  // Each entry's target in page order: a section's whole element rather than its heading, so a jump
  // past a short heading still crosses the reading line.
  const entries: { target: Element; link: HTMLAnchorElement }[] = [];
  for (const link of contents.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) {
    const anchor = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!anchor) continue;
    const section = anchor.closest(".guide-section");
    entries.push({ target: section?.getAttribute("aria-labelledby") === anchor.id ? section : anchor, link });
  }
  if (entries.length === 0) return;

  let current: HTMLAnchorElement | undefined;
  const mark = () => {
    // The last sections may be too short to reach the line before the page ends: at its end, the last
    // one in view is the one being read.
    const atEnd = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;
    const line = window.innerHeight * (atEnd ? 1 : readingLine);
    let reading: HTMLAnchorElement | undefined;
    for (const { target, link } of entries) if (target.getBoundingClientRect().top <= line) reading = link;
    if (reading === current) return;
    current?.removeAttribute("aria-current");
    reading?.setAttribute("aria-current", "location");
    current = reading;
  };
  // The observer only says when a target's start crosses the reading line (the top of a root cut to the
  // window's first quarter); which section is read is then measured, for every target at once.
  const observer = new IntersectionObserver(mark, { rootMargin: `0px 0px -${100 - readingLine * 100}% 0px` });
  for (const { target } of entries) observer.observe(target);
  // Reaching the end crosses no line, so the end of a scroll is checked too.
  window.addEventListener("scrollend", mark, { passive: true });
}

setUpContents();
