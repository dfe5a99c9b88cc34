// Running total of the self-assessment form: posts the form (with its anti-forgery token) to the page's
// Total handler a moment after the user stops typing, and shows the total, the provisional class, each
// criterion's points and any field error. Without JavaScript the page still works: saving shows the totals.
(function () {
    "use strict";
    var form = document.getElementById("assessment-form");
    if (!form || !window.fetch || !window.FormData) return;
    var url = form.getAttribute("data-total-url");
    var timer = null;
    var pending = null;

    function setText(id, text) {
        var el = document.getElementById(id);
        if (el) el.textContent = text;
    }

    function show(data) {
        setText("running-total", data.total);
        setText("max-points", data.max);
        setText("provisional-class", data.band);
        var list = document.getElementById("explanation");
        if (list) {
            list.textContent = "";
            data.explanation.forEach(function (line) {
                var li = document.createElement("li");
                li.textContent = line;
                list.appendChild(li);
            });
        }
        Object.keys(data.criteria).forEach(function (id) {
            form.querySelectorAll("[data-points-for]").forEach(function (el) {
                if (el.getAttribute("data-points-for") === id) el.textContent = data.criteria[id];
            });
        });
        form.querySelectorAll("[data-valmsg-for]").forEach(function (el) {
            var name = el.getAttribute("data-valmsg-for");
            if (name.indexOf("Data.Entries[") !== 0) return;
            var message = data.errors[name] || "";
            el.textContent = message;
            el.classList.toggle("field-validation-error", message !== "");
        });
    }

    function refresh() {
        if (pending) pending.abort();
        pending = new AbortController();
        fetch(url, { method: "POST", body: new FormData(form), credentials: "same-origin", signal: pending.signal })
            .then(function (r) { return r.ok ? r.json() : null; })
            .then(function (data) { if (data) show(data); })
            .catch(function () { /* offline or aborted: the totals refresh on the next change or on save */ });
    }

    function later() {
        clearTimeout(timer);
        timer = setTimeout(refresh, 400);
    }

    form.addEventListener("input", later);
    form.addEventListener("change", later);
})();
