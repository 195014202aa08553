// Progressive enhancement only: every page works without this file.
// Loaded as a module, so it runs only in browsers GOV.UK Frontend supports.
import { initAll } from "../govuk/govuk-frontend.min.js";

initAll();

// Filter the indicator checkboxes as you type. Without JavaScript, the search box is
// submitted and the server shows the matching indicators.
function words(text) {
  return text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

for (const search of document.querySelectorAll('[data-module="app-indicator-filter"]')) {
  const input = search.querySelector('input[type="search"]');
  const form = search.closest("form");
  const lists = form && form.querySelector("[data-filter-lists]");
  const status = search.querySelector("[data-filter-status]");
  if (!input || !lists) continue;
  const items = Array.from(lists.querySelectorAll(".govuk-checkboxes__item")).map((item) => ({
    item,
    text: item.textContent.toLowerCase(),
  }));
  const domains = Array.from(lists.querySelectorAll("[data-filter-domain]"));
  let timer;
  const apply = () => {
    const wanted = words(input.value);
    let shown = 0;
    for (const { item, text } of items) {
      const match = wanted.every((w) => text.includes(w));
      item.classList.toggle("app-filter-hidden", !match);
      if (match) shown += 1;
    }
    for (const domain of domains) {
      const any = domain.querySelector(".govuk-checkboxes__item:not(.app-filter-hidden)");
      domain.classList.toggle("app-filter-hidden", !any);
      if (wanted.length) domain.open = Boolean(any);
    }
    if (status) {
      status.textContent = wanted.length
        ? `${shown} indicator${shown === 1 ? "" : "s"} shown`
        : "";
    }
  };
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(apply, 120);
  });
}

// Count ticked indicators.
const count = document.getElementById("ticked-count");
if (count) {
  const form = count.closest("form");
  const boxes = form ? form.querySelectorAll('input[type="checkbox"][name="indicators"], input[type="checkbox"][name="i"]') : [];
  const update = () => {
    const hidden =
      form.querySelectorAll('input[type="hidden"][name="i"]').length +
      Number(count.dataset.hidden || 0);
    const ticked = Array.from(boxes).filter((b) => b.checked).length + hidden;
    count.textContent = `${ticked} selected.`;
  };
  for (const box of boxes) box.addEventListener("change", update);
}

// "Print this page" needs JavaScript: show the button only when it works.
for (const button of document.querySelectorAll("[data-print-page]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}

// "Hide cookie message" hides it in place.
for (const link of document.querySelectorAll("[data-hide-cookie-message]")) {
  link.addEventListener("click", (event) => {
    event.preventDefault();
    const banner = link.closest(".govuk-cookie-banner");
    if (banner) banner.hidden = true;
  });
}
