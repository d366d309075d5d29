// Maps of the commercial-site pool (Leaflet and Leaflet.markercluster, served by the portal).
// Tiles come from a third-party server, so nothing is requested before the visitor clicks
// "Load map"; the choice is remembered in localStorage. Every map has a list beside it, so
// the page is complete without JavaScript or without consent.
(function () {
    "use strict";

    var CONSENT_KEY = "portal.mapConsent";
    var REGION_CENTRE = [51.2, 12.0];

    function hasConsent() {
        try {
            return window.localStorage.getItem(CONSENT_KEY) === "granted";
        } catch (error) {
            return false;
        }
    }

    function rememberConsent() {
        try {
            window.localStorage.setItem(CONSENT_KEY, "granted");
        } catch (error) {
            // Private mode: the map still loads, it just asks again next time.
        }
    }

    function formatNumber(value, digits) {
        var language = document.documentElement.lang || "de";
        return new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value);
    }

    function appendLine(parent, label, value) {
        var line = document.createElement("div");
        var term = document.createElement("strong");
        term.textContent = label + ": ";
        line.appendChild(term);
        line.appendChild(document.createTextNode(value));
        parent.appendChild(line);
    }

    // Popups are built from DOM nodes (textContent), never from HTML strings of the feed.
    function popupContent(feature, labels) {
        var p = feature.properties;
        var box = document.createElement("div");
        box.className = "location-popup";
        var title = document.createElement("p");
        title.className = "location-popup__title";
        title.textContent = p.title;
        box.appendChild(title);
        var place = document.createElement("p");
        place.textContent = p.city;
        box.appendChild(place);
        if (p.area !== null) {
            appendLine(box, labels.area, formatNumber(p.area, 2) + " " + p.area_unit);
        }
        appendLine(box, labels.zoning, p.zoning);
        var price = labels.onRequest;
        if (p.price_per_m2 !== null) {
            // Sites are sold per m², halls are let per m² and month.
            price = formatNumber(p.price_per_m2, 2) + " €/m²";
            if (p.kind === "hall") {
                price += " " + labels.perMonth;
            }
        }
        appendLine(box, labels.price, price);
        var link = document.createElement("a");
        link.href = p.url;
        link.className = "location-popup__link";
        link.textContent = labels.details;
        var hidden = document.createElement("span");
        hidden.className = "visually-hidden";
        hidden.textContent = ": " + p.title;
        link.appendChild(hidden);
        box.appendChild(link);
        return box;
    }

    function buildMap(container, canvas) {
        var data = container.dataset;
        var labels = {
            area: data.labelArea,
            zoning: data.labelZoning,
            price: data.labelPrice,
            onRequest: data.labelOnRequest,
            perMonth: data.labelPerMonth,
            details: data.labelDetails,
            loaded: data.labelLoaded,
            failed: data.labelFailed,
        };
        var status = container.querySelector("[data-map-status]");
        var map = L.map(canvas, { scrollWheelZoom: false }).setView(REGION_CENTRE, 7);
        L.tileLayer(data.tileUrl, { attribution: data.attribution, maxZoom: 19 }).addTo(map);

        if (data.lat && data.lng) {
            var point = [parseFloat(data.lat), parseFloat(data.lng)];
            L.marker(point, { title: data.title || "", alt: data.title || "" }).addTo(map);
            map.setView(point, 13);
            return;
        }
        if (!data.feedUrl) {
            return;
        }
        fetch(data.feedUrl, { headers: { Accept: "application/geo+json" } })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error("HTTP " + response.status);
                }
                return response.json();
            })
            .then(function (collection) {
                var clusters = L.markerClusterGroup({ showCoverageOnHover: false });
                L.geoJSON(collection, {
                    pointToLayer: function (feature, latlng) {
                        return L.marker(latlng, {
                            title: feature.properties.title,
                            alt: feature.properties.title,
                            keyboard: true,
                        });
                    },
                    onEachFeature: function (feature, layer) {
                        layer.bindPopup(function () {
                            return popupContent(feature, labels);
                        });
                    },
                }).eachLayer(function (layer) {
                    clusters.addLayer(layer);
                });
                map.addLayer(clusters);
                container.setAttribute("data-map-ready", String(collection.features.length));
                if (collection.features.length) {
                    map.fitBounds(clusters.getBounds(), { padding: [24, 24], maxZoom: 12 });
                }
                if (status) {
                    status.textContent = labels.loaded + " " + collection.features.length;
                }
            })
            .catch(function () {
                container.setAttribute("data-map-ready", "error");
                if (status) {
                    status.textContent = labels.failed;
                    status.classList.remove("visually-hidden");
                }
            });
    }

    function setUp(container) {
        var consent = container.querySelector("[data-map-consent]");
        var canvas = container.querySelector("[data-map-canvas]");
        var button = container.querySelector("[data-map-consent-accept]");
        if (!consent || !canvas || typeof L === "undefined") {
            return;
        }
        var start = function (focus) {
            consent.hidden = true;
            canvas.hidden = false;
            buildMap(container, canvas);
            if (focus) {
                canvas.focus();
            }
        };
        if (hasConsent()) {
            start(false);
        } else if (button) {
            button.addEventListener("click", function () {
                rememberConsent();
                start(true);
            });
        }
    }

    function init() {
        document.querySelectorAll("[data-location-map]").forEach(setUp);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
