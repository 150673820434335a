"use strict";
// TrailWarden HTML report: collapsible OUs and the account filter of the accounts x rules grid. The page
// works without this script (everything is shown); it makes nothing but local changes to the page.
(() => {
  const grid = document.getElementById("grid");
  if (grid) {
    const groups = [...grid.querySelectorAll("tbody.ou")];
    const total = grid.querySelectorAll("tr.account").length;
    const filter = document.getElementById("account-filter");
    const failingOnly = document.getElementById("failing-only");
    const count = document.getElementById("filter-count");
    const button = group => group.querySelector("button.ou-toggle");
    const open = (group, isOpen) => {
      button(group).setAttribute("aria-expanded", String(isOpen));
      group.querySelectorAll("tr.account").forEach(row => { row.hidden = !isOpen; });
    };
    const show = () => {
      const words = filter.value.trim().toLowerCase();
      let shown = 0;
      groups.forEach(group => {
        let matches = 0;
        group.querySelectorAll("tr.account").forEach(row => {
          const match = (words === "" || row.dataset.search.includes(words) || group.dataset.search.includes(words))
            && (!failingOnly.checked || row.dataset.failing === "true");
          row.hidden = !match;
          if (match) matches++;
        });
        group.hidden = matches === 0;
        button(group).setAttribute("aria-expanded", String(matches > 0));
        shown += matches;
      });
      count.textContent = shown + " of " + total + " accounts shown";
    };
    groups.forEach(group => button(group).addEventListener("click", () => {
      open(group, button(group).getAttribute("aria-expanded") !== "true");
    }));
    document.getElementById("expand-all").addEventListener("click", () => groups.forEach(g => open(g, true)));
    document.getElementById("collapse-all").addEventListener("click", () => groups.forEach(g => open(g, false)));
    filter.addEventListener("input", show);
    failingOnly.addEventListener("change", show);
    // A large organization opens with its OUs collapsed, so the OU rows alone fit on a screen.
    if (total > Number(grid.dataset.collapseAbove)) {
      groups.forEach(g => open(g, false));
    }
    count.textContent = total + " accounts";
  }
  document.documentElement.dataset.ready = "true";
})();
