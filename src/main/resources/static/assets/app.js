// Staff pages: results as you type, and copying an email with one click. Everything works without
// this file too (the search form submits, the links are links).
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("form[data-live-search]");
  if (form) {
    let timer;
    let latest = 0;
    const refresh = () => {
      const query = new URLSearchParams(new FormData(form)).toString();
      const asked = ++latest;
      fetch(form.dataset.results + "?" + query, { headers: { Accept: "text/html" } })
        .then((response) => (response.ok ? response.text() : null))
        .then((html) => {
          // an older answer arriving late must not replace a newer one
          if (html !== null && asked === latest) {
            const results = document.getElementById("results");
            // someone already moving through the results keeps their place in the new list
            const focused = results.contains(document.activeElement);
            results.outerHTML = html;
            history.replaceState(null, "", "?" + query);
            const first = document.querySelector("#results a.name");
            if (focused && first) {
              first.focus();
            }
          }
        });
    };
    form.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(refresh, 150);
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      refresh();
    });
  }
  // keyboard: Down from the box into the results, Up/Down between them, Escape back to the box
  document.addEventListener("keydown", (event) => {
    const box = document.getElementById("q");
    if (!box || !["ArrowDown", "ArrowUp", "Escape"].includes(event.key)) {
      return;
    }
    const names = Array.from(document.querySelectorAll("#results a.name"));
    const at = names.indexOf(document.activeElement);
    if (event.key === "Escape" && at >= 0) {
      box.focus();
    } else if (event.key === "ArrowDown" && (document.activeElement === box || at >= 0) && names.length > 0) {
      names[Math.min(at + 1, names.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      (at === 0 ? box : names[at - 1]).focus();
    } else {
      return;
    }
    event.preventDefault();
  });
  document.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-copy]");
    if (button && navigator.clipboard) {
      navigator.clipboard.writeText(button.dataset.copy).then(() => {
        button.textContent = "Copied";
        setTimeout(() => (button.textContent = "Copy email"), 1500);
      });
    }
  });
});
