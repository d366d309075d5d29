// The venue map loads Leaflet and the tiles only after the visitor agrees; the choice is
// remembered in localStorage so the next event page shows its map straight away.
(function () {
    "use strict";
    // The same key as the locations maps (locations/map.js): one consent for every map.
    var CONSENT_KEY = "portal.mapConsent";

    function remembered() {
        try { return window.localStorage.getItem(CONSENT_KEY) === "granted"; } catch (error) { return false; }
    }

    function remember() {
        try { window.localStorage.setItem(CONSENT_KEY, "granted"); } catch (error) { /* private mode */ }
    }

    function loadLeaflet(box, callback) {
        if (window.L) { callback(); return; }
        var css = document.createElement("link");
        css.rel = "stylesheet";
        css.href = box.dataset.leafletCss;
        document.head.appendChild(css);
        var script = document.createElement("script");
        script.src = box.dataset.leafletJs;
        script.onload = callback;
        document.head.appendChild(script);
    }

    function show(box, focus) {
        var consent = box.querySelector(".event-map__consent");
        var canvas = box.querySelector("[data-event-map-canvas]");
        loadLeaflet(box, function () {
            canvas.hidden = false;
            if (consent) { consent.remove(); }
            var point = [parseFloat(box.dataset.lat), parseFloat(box.dataset.lng)];
            var map = window.L.map(canvas, { scrollWheelZoom: false }).setView(point, 15);
            window.L.tileLayer(box.dataset.tileUrl, { attribution: box.dataset.attribution, maxZoom: 19 }).addTo(map);
            window.L.marker(point, { title: box.dataset.label, alt: box.dataset.label }).addTo(map);
            if (focus) { canvas.setAttribute("tabindex", "-1"); canvas.focus(); }
        });
    }

    document.querySelectorAll("[data-event-map]").forEach(function (box) {
        if (remembered()) { show(box, false); return; }
        var button = box.querySelector("[data-event-map-load]");
        if (!button) { return; }
        button.addEventListener("click", function () {
            remember();
            show(box, true);
        });
    });
})();
