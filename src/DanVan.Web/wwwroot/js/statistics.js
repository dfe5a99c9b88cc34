// The statistics form page: focus the summary of what was refused (so a screen reader and the keyboard start there),
// and warn before leaving with typed figures not yet saved. Without JavaScript the page still saves and shows errors.
(function () {
    "use strict";
    var summary = document.getElementById("refusals");
    if (summary) summary.focus();

    var form = document.getElementById("fill-form");
    if (!form) return;
    // A save refused by the server comes back with the typed texts in the fields: they are not saved yet.
    var dirty = form.getAttribute("data-unsaved") === "true";
    var note = document.getElementById("unsaved-note");

    function mark() {
        dirty = true;
        if (note) note.hidden = false;
    }

    // Computed indicators follow the typing: the server computes them by the form's formulas (nothing is stored).
    var computeUrl = form.getAttribute("data-compute-url");
    var timer = null;
    var pending = null;
    function recompute() {
        if (!computeUrl || !window.fetch || !window.FormData || !form.querySelector("[data-computed]")) return;
        if (pending) pending.abort();
        pending = new AbortController();
        fetch(computeUrl, { method: "POST", body: new FormData(form), credentials: "same-origin", signal: pending.signal })
            .then(function (r) { return r.ok ? r.json() : null; })
            .then(function (data) {
                if (!data) return;
                Object.keys(data).forEach(function (code) {
                    var out = form.querySelector("[data-computed='" + code + "']");
                    if (out) out.textContent = data[code];
                });
            })
            .catch(function () { /* offline or aborted: saving recomputes them */ });
    }
    function changed() {
        mark();
        clearTimeout(timer);
        timer = setTimeout(recompute, 400);
    }

    if (dirty) mark();
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    form.addEventListener("submit", function () { dirty = false; });
    window.addEventListener("beforeunload", function (e) {
        if (!dirty) return;
        e.preventDefault();
        e.returnValue = "";
    });
})();
