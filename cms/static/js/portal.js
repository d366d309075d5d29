// Progressive enhancement only: without JavaScript every link and form still works.
(function () {
    "use strict";
    document.documentElement.classList.replace("no-js", "js");

    // Mobile menu: a disclosure button that hides and shows the navigation.
    var toggle = document.querySelector(".menu-toggle");
    var navigation = document.getElementById("site-navigation");
    if (toggle && navigation) {
        var narrow = window.matchMedia("(max-width: 60rem)");
        var setExpanded = function (expanded) {
            toggle.setAttribute("aria-expanded", String(expanded));
            navigation.setAttribute("data-collapsed", String(!expanded));
        };
        toggle.hidden = false;
        setExpanded(!narrow.matches);
        narrow.addEventListener("change", function (event) { setExpanded(!event.matches); });
        toggle.addEventListener("click", function () {
            setExpanded(toggle.getAttribute("aria-expanded") !== "true");
        });
        document.addEventListener("keydown", function (event) {
            if (event.key === "Escape" && narrow.matches && toggle.getAttribute("aria-expanded") === "true") {
                setExpanded(false);
                toggle.focus();
            }
        });
    }

    // Embeds load from their provider only after the visitor clicks.
    document.querySelectorAll("[data-consent-embed]").forEach(function (figure) {
        var button = figure.querySelector("[data-consent-embed-load]");
        var content = figure.querySelector("template[data-consent-embed-content]");
        if (!button || !content) { return; }
        button.addEventListener("click", function () {
            var notice = figure.querySelector(".consent-embed__notice");
            var wrapper = document.createElement("div");
            wrapper.className = "consent-embed__player";
            wrapper.appendChild(content.content.cloneNode(true));
            var iframe = wrapper.querySelector("iframe");
            if (iframe && !iframe.title) { iframe.title = button.textContent.trim(); }
            figure.insertBefore(wrapper, notice);
            notice.remove();
            if (iframe) { iframe.focus(); }
        });
    });
})();
