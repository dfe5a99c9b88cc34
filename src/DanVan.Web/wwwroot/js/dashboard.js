// Keeps the dashboard live: every minute, while the tab is visible, reloads the page's figures in place.
(function () {
    "use strict";
    var box = document.getElementById("dashboard");
    if (!box || !window.fetch || !window.DOMParser) return;
    var seconds = parseInt(box.getAttribute("data-refresh"), 10) || 60;
    setInterval(function () {
        if (document.hidden) return;
        fetch(window.location.href, { credentials: "same-origin" })
            .then(function (r) { return r.ok ? r.text() : null; })
            .then(function (html) {
                if (!html) return;
                var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("dashboard");
                if (fresh) box.innerHTML = fresh.innerHTML;
            })
            .catch(function () { /* try again at the next tick */ });
    }, seconds * 1000);
})();
