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

    if (dirty) mark();
    form.addEventListener("input", mark);
    form.addEventListener("change", mark);
    form.addEventListener("submit", function () { dirty = false; });
    window.addEventListener("beforeunload", function (e) {
        if (!dirty) return;
        e.preventDefault();
        e.returnValue = "";
    });
})();
