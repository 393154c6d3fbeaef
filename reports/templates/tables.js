// Sortable and filterable tables: a click on a column's head sorts the rows
// by it (again: the other way), numbers as numbers (durations such as
// 1h34m or 1 h 34 min as seconds, clock times as minutes), text as text; a
// table of more than eight rows gets a box that shows only the rows holding
// what is typed. No network, no library: the page's own script.
(() => {
  const units = {d: 86400, h: 3600, min: 60, m: 60, s: 1, ms: 0.001};
  const key = (td) => {
    const t = (td ? td.textContent : "").trim();
    const clock = /^(\d{1,2}):(\d{2})/.exec(t);
    if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
    const head = t.split(/[\[(–]/)[0].replace(/\u2212/g, "-").replace(/,/g, "").trim();
    if (!/^[+-]?\.?\d/.test(head)) return null;
    const sign = head.startsWith("-") ? -1 : 1;
    const parts = [...head.replace(/^[+-]/, "").matchAll(/(\d*\.?\d+(?:e[+-]?\d+)?)\s*(min|ms|d|h|m|s)?(?![a-z])/gi)];
    if (!parts[0][2]) return sign * Number(parts[0][1]);
    let sum = 0;
    for (const m of parts) if (m[2]) sum += Number(m[1]) * units[m[2].toLowerCase()];
    return sign * sum;
  };
  const compare = (a, b) => {
    if (a !== null && b !== null) return a - b;
    if (a !== null || b !== null) return a === null ? 1 : -1;
    return 0;
  };
  for (const table of document.querySelectorAll("main table")) {
    const rows = [...table.rows];
    const head = rows.shift();
    if (!head || !head.querySelector("th") || rows.length < 2) continue;
    [...head.cells].forEach((th, col) => {
      th.classList.add("sortable");
      th.title = "sort by this column";
      th.addEventListener("click", () => {
        const up = th.getAttribute("aria-sort") !== "ascending";
        for (const other of head.cells) other.removeAttribute("aria-sort");
        th.setAttribute("aria-sort", up ? "ascending" : "descending");
        const keyed = rows.map((tr, i) => ({tr, i, n: key(tr.cells[col]), s: tr.cells[col] ? tr.cells[col].textContent.trim() : ""}));
        keyed.sort((a, b) => (compare(a.n, b.n) || a.s.localeCompare(b.s, undefined, {numeric: true})) * (up ? 1 : -1) || a.i - b.i);
        for (const k of keyed) k.tr.parentNode.appendChild(k.tr);
      });
    });
    if (rows.length > 8) {
      const box = document.createElement("input");
      box.type = "search";
      box.className = "filter";
      // The words are the page's, in its language (main's data-filter).
      const words = document.querySelector("main").dataset;
      box.placeholder = words.filter || "filter rows";
      box.setAttribute("aria-label", words.filterLabel || "filter the rows of the table below");
      box.addEventListener("input", () => {
        const q = box.value.trim().toLowerCase();
        for (const tr of rows) tr.hidden = q !== "" && !tr.textContent.toLowerCase().includes(q);
      });
      table.before(box);
    }
  }
})();
