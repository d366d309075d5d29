/* Quote slider: progressive enhancement of a list of quotes (`[data-quote-slider]`).
 *
 * Without JavaScript every quote stays visible as a list. With it, one quote is shown at a time
 * with "previous" and "next" buttons, the arrow keys (and Home/End) while focus is in the
 * slider, and a position read out politely. Nothing moves on its own: automatic rotation starts
 * only when the visitor presses the rotate button, which then pauses it again; it also halts
 * while the pointer or the keyboard focus is inside the slider (WCAG 2.2.2).
 */
(function () {
    "use strict";

    var ROTATION_MS = 8000;

    function button(label, className) {
        var element = document.createElement("button");
        element.type = "button";
        element.className = className;
        element.textContent = label;
        return element;
    }

    function enhance(slider) {
        var list = slider.querySelector(".quote-list");
        if (!list || slider.classList.contains("quote-slider--enhanced")) return;
        var items = Array.prototype.slice.call(list.children);
        if (items.length < 2) return;

        var data = slider.dataset;
        var current = 0;
        var timer = null;
        var rotating = false;
        var hovered = false;
        var focused = false;

        slider.classList.add("quote-slider--enhanced");
        slider.setAttribute("role", "region");
        slider.setAttribute("aria-roledescription", "carousel");
        slider.setAttribute("aria-label", data.label || "");
        list.setAttribute("aria-live", "polite");
        items.forEach(function (item, index) {
            item.setAttribute("role", "group");
            item.setAttribute("aria-roledescription", "slide");
            item.setAttribute("aria-label", position(index));
        });

        var controls = document.createElement("div");
        controls.className = "quote-slider__controls";
        var previous = button(data.previous || "‹", "quote-slider__previous");
        var next = button(data.next || "›", "quote-slider__next");
        var play = button(data.play || "▶", "quote-slider__rotate");
        play.setAttribute("aria-pressed", "false");
        var status = document.createElement("p");
        status.className = "quote-slider__status";
        controls.appendChild(previous);
        controls.appendChild(next);
        controls.appendChild(play);
        controls.appendChild(status);
        slider.insertBefore(controls, list.nextSibling);

        function position(index) {
            return (data.position || "{current} / {total}")
                .replace("{current}", index + 1)
                .replace("{total}", items.length);
        }

        function show(index) {
            current = (index + items.length) % items.length;
            items.forEach(function (item, itemIndex) {
                item.hidden = itemIndex !== current;
            });
            status.textContent = position(current);
        }

        function tick() {
            if (!hovered && !focused) show(current + 1);
        }

        function setRotation(on) {
            rotating = on;
            play.setAttribute("aria-pressed", on ? "true" : "false");
            play.textContent = on ? data.pause || "❚❚" : data.play || "▶";
            // While rotating, announcements would interrupt the visitor every few seconds.
            list.setAttribute("aria-live", on ? "off" : "polite");
            window.clearInterval(timer);
            timer = on ? window.setInterval(tick, ROTATION_MS) : null;
        }

        previous.addEventListener("click", function () { setRotation(false); show(current - 1); });
        next.addEventListener("click", function () { setRotation(false); show(current + 1); });
        play.addEventListener("click", function () { setRotation(!rotating); });
        slider.addEventListener("mouseenter", function () { hovered = true; });
        slider.addEventListener("mouseleave", function () { hovered = false; });
        slider.addEventListener("focusin", function () { focused = true; });
        slider.addEventListener("focusout", function (event) {
            focused = slider.contains(event.relatedTarget);
        });
        slider.addEventListener("keydown", function (event) {
            var keys = { ArrowLeft: -1, ArrowRight: 1 };
            if (event.key in keys) {
                setRotation(false);
                show(current + keys[event.key]);
            } else if (event.key === "Home") {
                setRotation(false);
                show(0);
            } else if (event.key === "End") {
                setRotation(false);
                show(items.length - 1);
            } else {
                return;
            }
            event.preventDefault();
        });

        show(0);
    }

    function init() {
        Array.prototype.forEach.call(document.querySelectorAll("[data-quote-slider]"), enhance);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
