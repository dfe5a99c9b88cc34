// The self-assessment form. Each field is saved as it is left (the page's Field handler: the field then shows
// "Đã lưu" or why it was not saved); leaving the page waits for those saves and stays when one failed, so nothing
// typed is lost and nothing unsaved is submitted; a criterion someone else changed meanwhile shows their value beside
// the typed one with a choice. The running total follows the typing (the Total handler, nothing stored).
// Without JavaScript the page still works: the whole form is saved by its buttons, with the same rules.
(function () {
    "use strict";
    var form = document.getElementById("assessment-form");
    if (!form || !window.fetch || !window.FormData) return;
    var totalUrl = form.getAttribute("data-total-url");
    var fieldUrl = form.getAttribute("data-field-url");
    var textsElement = document.getElementById("assessment-texts");
    var texts = textsElement ? JSON.parse(textsElement.textContent) : {};
    var timer = null;
    var pending = null;
    var states = {};   // criterion -> "dirty" | "saving" | "saved" | "error"
    var edits = {};    // criterion -> number of edits since the page was built
    var saves = {};    // criterion -> the save under way
    var submitting = false;
    var queue = Promise.resolve();

    function format(text, value) { return (text || "").replace("{0}", value); }

    function group(criterion) { return form.querySelector('[data-entry-for="' + CSS.escape(criterion) + '"]'); }

    function criterionOf(el) {
        var g = el && el.closest ? el.closest("[data-entry-for]") : null;
        return g ? g.getAttribute("data-entry-for") : null;
    }

    function setText(id, text) {
        var el = document.getElementById(id);
        if (el) el.textContent = text;
    }

    function setStatus(criterion, state, text) {
        states[criterion] = state;
        var g = group(criterion);
        var status = g && g.querySelector("[data-status-for]");
        if (status) {
            status.textContent = text;
            status.className = "save-status " + state;
        }
        refreshLeaveState();
    }

    function unsettled() {
        return Object.keys(states).filter(function (c) { return states[c] === "dirty" || states[c] === "saving" || states[c] === "error"; });
    }

    function refreshLeaveState() {
        var link = document.getElementById("link-submit");
        var failed = Object.keys(states).filter(function (c) { return states[c] === "error"; });
        if (link) {
            if (failed.length) link.setAttribute("aria-disabled", "true");
            else link.removeAttribute("aria-disabled");
        }
        var alert = document.getElementById("unsaved-alert");
        if (alert && !failed.length) alert.hidden = true;
    }

    // Field errors: the message under the field, the field marked invalid (it already points at its message).
    function showErrors(errors, criterion) {
        form.querySelectorAll("[data-valmsg-for]").forEach(function (el) {
            var name = el.getAttribute("data-valmsg-for");
            if (name.indexOf("Data.Entries[") !== 0) return;
            if (criterion && criterionOf(el) !== criterion) return;
            var message = errors[name] || "";
            el.textContent = message;
            el.classList.toggle("field-validation-error", message !== "");
            el.classList.toggle("field-validation-valid", message === "");
            form.querySelectorAll('[name="' + name + '"]').forEach(function (input) {
                if (message) input.setAttribute("aria-invalid", "true");
                else input.removeAttribute("aria-invalid");
            });
        });
    }

    function showTotals(data) {
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
        showErrors(data.errors, null);
    }

    function refresh() {
        if (pending) pending.abort();
        pending = new AbortController();
        fetch(totalUrl, { method: "POST", body: new FormData(form), credentials: "same-origin", signal: pending.signal })
            .then(function (r) { return r.ok ? r.json() : null; })
            .then(function (data) { if (data) showTotals(data); })
            .catch(function () { /* offline or aborted: the totals refresh on the next change or on save */ });
    }

    function later() {
        clearTimeout(timer);
        timer = setTimeout(refresh, 400);
    }

    function baseInput(criterion) {
        var g = group(criterion);
        return g && g.querySelector("[data-base-for]");
    }

    // The choice after a conflict: keep the typed value (saved over theirs) or take theirs (shown, nothing to save).
    function conflictBlock(criterion, conflict) {
        var g = group(criterion);
        var old = g.querySelector("[data-conflict-for]");
        if (old) old.remove();
        var prefix = baseInput(criterion).name.replace(/\.Base$/, "");
        var box = document.createElement("fieldset");
        box.className = "conflict notice warn";
        box.id = "conflict-" + g.closest("tr").id.replace(/^row-/, "");
        box.setAttribute("data-conflict-for", criterion);
        box.setAttribute("data-base", conflict.base);
        box.setAttribute("data-theirs", JSON.stringify(conflict.theirs));
        var legend = document.createElement("legend");
        legend.textContent = format(texts.legend, criterion);
        var p = document.createElement("p");
        p.textContent = format(texts.theirs, conflict.by) + " ";
        var strong = document.createElement("strong");
        strong.textContent = conflict.value;
        p.appendChild(strong);
        if (conflict.note) p.appendChild(document.createTextNode(" — " + conflict.note));
        box.appendChild(legend);
        box.appendChild(p);
        [["mine", "false", texts.keepMine], ["theirs", "true", texts.takeTheirs]].forEach(function (choice) {
            var label = document.createElement("label");
            label.className = "check";
            var radio = document.createElement("input");
            radio.type = "radio";
            radio.name = prefix + ".TakeTheirs";
            radio.value = choice[1];
            radio.setAttribute("data-resolve", choice[0]);
            label.appendChild(radio);
            label.appendChild(document.createTextNode(" " + choice[2]));
            box.appendChild(label);
        });
        g.appendChild(box);
    }

    function fill(criterion, theirs) {
        var prefix = baseInput(criterion).name.replace(/\.Base$/, "");
        var map = { Points: theirs.points, Level: theirs.level, Achieved: theirs.achieved, Target: theirs.target, Count: theirs.count, Note: theirs.note };
        Object.keys(map).forEach(function (key) {
            var el = form.querySelector('[name="' + prefix + "." + key + '"]');
            if (el) el.value = map[key] || "";
        });
        form.querySelectorAll('[name="' + prefix + '.Checked"]').forEach(function (box) { box.checked = (theirs.checked || []).indexOf(box.value) >= 0; });
        var na = form.querySelector('[name="' + prefix + '.NotApplicable"]');
        if (na) na.checked = !!theirs.notApplicable;
    }

    function resolve(criterion, choice) {
        var box = group(criterion).querySelector("[data-conflict-for]");
        if (!box) return;
        baseInput(criterion).value = box.getAttribute("data-base");
        if (choice === "theirs") fill(criterion, JSON.parse(box.getAttribute("data-theirs")));
        box.remove();
        edits[criterion] = (edits[criterion] || 0) + 1;
        later();
        save(criterion);
    }

    function save(criterion) {
        if (saves[criterion]) {
            // One save at a time per criterion: the next one starts when this one is answered.
            return saves[criterion].then(function () { return states[criterion] === "dirty" ? save(criterion) : null; });
        }
        var seen = 0;
        setStatus(criterion, "saving", texts.saving);
        // Saves go one after the other: each is based on what the one before stored.
        var done = queue.then(function () {
            seen = edits[criterion] || 0;
            var body = new FormData(form);
            body.append("criterion", criterion);
            return fetch(fieldUrl, { method: "POST", body: body, credentials: "same-origin" });
        })
            .then(function (r) {
                var json = (r.headers.get("Content-Type") || "").indexOf("json") >= 0;
                return json ? r.json() : null;
            })
            .then(function (data) {
                if (!data) { setStatus(criterion, "error", texts.failed); return; }
                var version = document.getElementById("version");
                if (data.state === "saved") {
                    baseInput(criterion).value = data.base;
                    if (version) version.value = data.version;
                    showErrors({}, criterion);
                    if ((edits[criterion] || 0) === seen) setStatus(criterion, "saved", data.message);
                    else setStatus(criterion, "dirty", texts.unsaved);
                    return;
                }
                showErrors(data.errors, criterion);
                if (data.state === "conflict") conflictBlock(criterion, data.conflict);
                setStatus(criterion, "error", data.message);
            })
            .catch(function () { setStatus(criterion, "error", texts.failed); })
            .then(function () { delete saves[criterion]; });
        saves[criterion] = done;
        queue = done;
        return done;
    }

    // Saves every criterion typed and not yet saved; true when nothing is left unsaved.
    function flush() {
        Object.keys(states).forEach(function (c) { if (states[c] === "dirty") save(c); });
        var running = Object.keys(saves).map(function (c) { return saves[c]; });
        return Promise.all(running).then(function () { return unsettled().length === 0; });
    }

    function blockLeave() {
        var left = unsettled();
        var alert = document.getElementById("unsaved-alert");
        if (alert) {
            alert.textContent = format(texts.blocked, left.join(", "));
            alert.hidden = false;
        }
        var first = left.length ? group(left[0]) : null;
        var target = first && (first.querySelector("[aria-invalid=true]") || first.querySelector("[data-resolve]") || first.querySelector("input:not([type=hidden]), select, textarea"));
        if (target) target.focus();
    }

    form.addEventListener("input", function (e) {
        var c = criterionOf(e.target);
        if (c && !e.target.hasAttribute("data-resolve")) {
            edits[c] = (edits[c] || 0) + 1;
            if (states[c] !== "error" || !group(c).querySelector("[data-conflict-for]")) setStatus(c, "dirty", texts.unsaved);
        }
        later();
    });
    form.addEventListener("change", function (e) {
        if (e.target.hasAttribute("data-resolve")) return;
        var c = criterionOf(e.target);
        if (c && states[c] !== "dirty" && states[c] !== "error") {
            edits[c] = (edits[c] || 0) + 1;
            setStatus(c, "dirty", texts.unsaved);
        }
        // A level chosen or an item ticked is complete at once: saved without waiting for the focus to leave.
        if (c && (e.target.tagName === "SELECT" || e.target.type === "checkbox") && states[c] === "dirty") save(c);
        later();
    });
    // Each field is saved as it is left (with the other fields of its criterion: they are one entry).
    form.addEventListener("focusout", function (e) {
        var c = criterionOf(e.target);
        if (c && states[c] === "dirty") save(c);
    });
    // The choice after a conflict acts at once (a click also on the choice already checked, "keep mine" after a full save).
    form.addEventListener("click", function (e) {
        if (e.target.hasAttribute && e.target.hasAttribute("data-resolve")) resolve(criterionOf(e.target), e.target.getAttribute("data-resolve"));
    });
    // The whole form is saved once the saves under way are answered (so it is based on what they stored).
    form.addEventListener("submit", function (e) {
        var running = Object.keys(saves).map(function (c) { return saves[c]; });
        submitting = true;
        if (!running.length) return;
        e.preventDefault();
        var button = e.submitter;
        Promise.all(running).then(function () {
            if (form.requestSubmit && button) form.requestSubmit(button);
            else form.submit();
        });
    });

    // Leaving by a link (evidence, "Xác nhận và nộp", the menu) waits for the saves, and stays when one failed.
    document.addEventListener("click", function (e) {
        var a = e.target.closest ? e.target.closest("a[href]") : null;
        if (!a || e.defaultPrevented || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || a.target === "_blank") return;
        var href = a.getAttribute("href");
        if (href.charAt(0) === "#") return;
        if (!unsettled().length) return;
        e.preventDefault();
        flush().then(function (ok) {
            if (ok) window.location.assign(a.href);
            else blockLeave();
        });
    });
    window.addEventListener("beforeunload", function (e) {
        if (submitting || !unsettled().length) return;
        e.preventDefault();
        e.returnValue = "";
    });

    // The sticky totals card must not hide the field that has the focus.
    var card = document.getElementById("totals");
    function keepClear(el) {
        if (!card || !el || card.contains(el) || getComputedStyle(card).position !== "sticky") return;
        var bottom = card.getBoundingClientRect().bottom;
        var top = el.getBoundingClientRect().top;
        if (top < bottom) window.scrollBy(0, top - bottom - 8);
    }
    form.addEventListener("focusin", function (e) { keepClear(e.target); });

    // A link of the summary at the top takes the focus to its field (a fragment alone only scrolls).
    var summary = document.getElementById("refusals");
    if (summary) summary.addEventListener("click", function (e) {
        var a = e.target.closest ? e.target.closest("a[href^='#']") : null;
        var target = a && document.getElementById(a.getAttribute("href").slice(1));
        if (!target) return;
        e.preventDefault();
        var focusable = target.matches("input, select, textarea") ? target : target.querySelector("input:not([type=hidden]), select, textarea");
        (focusable || target).focus();
        keepClear(focusable || target);
    });

    // A form refused by the server comes back with the typed values: they are not saved yet.
    form.querySelectorAll("[data-conflict-for]").forEach(function (box) { states[box.getAttribute("data-conflict-for")] = "error"; });
    if (form.getAttribute("data-unsaved") === "true") {
        form.querySelectorAll("[data-entry-for]").forEach(function (g) {
            var c = g.getAttribute("data-entry-for");
            if (!states[c]) states[c] = g.querySelector("[aria-invalid=true]") ? "error" : "dirty";
        });
        var invalid = form.querySelector("[aria-invalid=true], [data-resolve]");
        if (invalid && document.activeElement !== invalid) invalid.focus();
        keepClear(invalid);
    }
    refreshLeaveState();
})();
