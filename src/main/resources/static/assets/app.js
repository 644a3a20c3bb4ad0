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
            document.getElementById("results").outerHTML = html;
            history.replaceState(null, "", "?" + query);
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
