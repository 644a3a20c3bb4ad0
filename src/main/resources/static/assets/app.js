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
            // the office at a glance stands until a search replaces it, as without JavaScript
            const overview = document.querySelector(".overview");
            if (overview) {
              overview.hidden = ["q", "organisation", "topic"].some(
                (name) => (form.elements[name]?.value || "").trim() !== "");
            }
            const first = document.querySelector("#results a.name");
            if (focused && first) {
              first.focus();
            }
          }
        });
    };
    const soon = () => {
      clearTimeout(timer);
      timer = setTimeout(refresh, 150);
    };
    const isHalfTyped = (event) =>
      event.target.matches("input[data-suggest]") && event.target.value !== "" &&
      event.inputType !== "insertReplacementText";
    // a half-typed organisation or topic filters nothing yet (they match whole): the list changes
    // once a suggestion is picked (insertReplacementText), the field is emptied, or it is left
    form.addEventListener("input", (event) => {
      if (!isHalfTyped(event)) {
        soon();
      }
    });
    form.addEventListener("change", (event) => {
      if (event.target.matches("input[data-suggest]")) {
        soon();
      }
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      refresh();
    });
  }
  // fields with suggestions (organisation names, topics): the datalist is filled from the server
  // as people type
  document.querySelectorAll("input[data-suggest]").forEach((input) => {
    const list = document.getElementById(input.getAttribute("list"));
    let timer;
    let latest = 0;
    input.addEventListener("input", (event) => {
      if (event.inputType === "insertReplacementText") {
        return; // a suggestion was just picked
      }
      clearTimeout(timer);
      timer = setTimeout(() => {
        const asked = ++latest;
        fetch(input.dataset.suggest + "?q=" + encodeURIComponent(input.value), { headers: { Accept: "text/html" } })
          .then((response) => (response.ok ? response.text() : null))
          .then((html) => {
            if (html !== null && asked === latest) {
              const options = new DOMParser().parseFromString(html, "text/html").querySelectorAll("option");
              list.replaceChildren(...options);
            }
          });
      }, 120);
    });
  });
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
    if (!button) {
      return;
    }
    const label = button.textContent;
    const copied = () => {
      button.textContent = "Copied";
      setTimeout(() => (button.textContent = label), 1500);
    };
    if (navigator.clipboard) {
      navigator.clipboard.writeText(button.dataset.copy).then(copied);
    } else {
      // no Clipboard API outside secure contexts (an intranet over plain http): the older way
      const field = document.createElement("textarea");
      field.value = button.dataset.copy;
      document.body.append(field);
      field.select();
      if (document.execCommand("copy")) {
        copied();
      }
      field.remove();
    }
  });
});
