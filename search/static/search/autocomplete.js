/*
 * Autocomplete for the header's search box, following the WAI-ARIA 1.2 combobox pattern
 * (list autocomplete, no automatic selection). Progressive enhancement: without this
 * script the box is a plain GET form to the search page.
 *
 * Keys: ArrowDown/ArrowUp move through the suggestions, Enter opens the highlighted one
 * (or submits the form when none is highlighted), Escape closes the list (a second Escape
 * clears the box), Tab leaves as usual. A polite live region announces the number of
 * suggestions for screen reader users.
 */
(function () {
    "use strict";

    var script = document.currentScript;
    var form = document.querySelector("form.header-search[data-autocomplete-url]");
    if (!form || !window.fetch) {
        return;
    }
    var input = form.querySelector("input[name=q]");
    if (!input) {
        return;
    }
    var endpoint = form.getAttribute("data-autocomplete-url");
    // The endpoint sends the translated list label and status text with each answer.
    var label = "Search suggestions";
    if (script && script.src) {
        var css = document.createElement("link");
        css.rel = "stylesheet";
        css.href = script.src.replace(/\.js(\?.*)?$/, ".css$1");
        document.head.appendChild(css);
    }

    var listId = input.id + "-suggestions";
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "search-suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", label);
    list.hidden = true;
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    form.style.position = "relative";
    form.appendChild(list);
    form.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("autocomplete", "off");

    var active = -1;
    var items = [];
    var timer = null;
    var controller = null;
    var lastQuery = "";

    function options() {
        return list.querySelectorAll("[role=option]");
    }

    function close() {
        list.hidden = true;
        input.setAttribute("aria-expanded", "false");
        input.removeAttribute("aria-activedescendant");
        active = -1;
    }

    function highlight(index) {
        var all = options();
        if (!all.length) {
            return;
        }
        if (index < 0) {
            index = all.length - 1;
        } else if (index >= all.length) {
            index = 0;
        }
        for (var i = 0; i < all.length; i++) {
            all[i].setAttribute("aria-selected", i === index ? "true" : "false");
        }
        active = index;
        input.setAttribute("aria-activedescendant", all[index].id);
        all[index].scrollIntoView({ block: "nearest" });
    }

    function render(results, statusText) {
        items = results;
        list.textContent = "";
        active = -1;
        input.removeAttribute("aria-activedescendant");
        results.forEach(function (result, i) {
            var li = document.createElement("li");
            li.id = listId + "-" + i;
            li.setAttribute("role", "option");
            li.setAttribute("aria-selected", "false");
            li.className = "search-suggestions__option";
            var title = document.createElement("span");
            title.textContent = result.title;
            var type = document.createElement("span");
            type.className = "search-suggestions__type";
            type.textContent = result.type;
            li.appendChild(title);
            li.appendChild(document.createTextNode(" "));
            li.appendChild(type);
            // mousedown, not click: it runs before the input loses focus and closes the list.
            li.addEventListener("mousedown", function (event) {
                event.preventDefault();
                window.location.assign(result.url);
            });
            list.appendChild(li);
        });
        if (results.length) {
            list.hidden = false;
            input.setAttribute("aria-expanded", "true");
        } else {
            close();
        }
        status.textContent = statusText || "";
    }

    function fetchSuggestions() {
        var query = input.value.trim();
        if (query === lastQuery) {
            return;
        }
        lastQuery = query;
        if (query.length < 2) {
            render([], "");
            return;
        }
        if (controller) {
            controller.abort();
        }
        controller = window.AbortController ? new AbortController() : null;
        var url = endpoint + "?q=" + encodeURIComponent(query);
        fetch(url, { headers: { Accept: "application/json" }, signal: controller && controller.signal })
            .then(function (response) { return response.ok ? response.json() : { results: [] }; })
            .then(function (data) {
                if (input.value.trim() === query) {
                    if (data.label) {
                        list.setAttribute("aria-label", data.label);
                    }
                    render(data.results || [], data.status);
                }
            })
            .catch(function () { /* aborted or offline: the plain form still works */ });
    }

    input.addEventListener("input", function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(fetchSuggestions, 150);
    });

    input.addEventListener("keydown", function (event) {
        var open = !list.hidden;
        if (event.key === "ArrowDown") {
            event.preventDefault();
            if (!open && items.length) {
                list.hidden = false;
                input.setAttribute("aria-expanded", "true");
            }
            highlight(active + 1);
        } else if (event.key === "ArrowUp") {
            event.preventDefault();
            if (open) {
                highlight(active - 1);
            }
        } else if (event.key === "Enter") {
            if (open && active >= 0 && items[active]) {
                event.preventDefault();
                window.location.assign(items[active].url);
            }
        } else if (event.key === "Escape") {
            if (open) {
                event.preventDefault();
                close();
            } else if (input.value) {
                event.preventDefault();
                input.value = "";
                lastQuery = "";
            }
        }
    });

    input.addEventListener("blur", function () {
        window.setTimeout(close, 100);
    });
})();
