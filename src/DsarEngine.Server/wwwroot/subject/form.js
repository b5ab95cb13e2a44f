// The request form's enhancements (a file, never inline: the page's CSP allows scripts from the engine only).
// Without this script every section shows, each headed by the right it is for; with it only the chosen right's.
(() => {
    "use strict";
    const form = document.getElementById("dsar-form");
    if (form) {
        const sections = form.querySelectorAll("[data-for-right]");
        const showChosen = () => {
            const chosen = form.querySelector('input[name="right"]:checked');
            sections.forEach((s) => s.classList.toggle("js-hidden", !chosen || s.dataset.forRight !== chosen.value));
        };
        const acting = document.getElementById("acting");
        const representative = document.getElementById("representative-fields");
        const showRepresentative = () => representative.classList.toggle("js-hidden", !acting.checked);
        form.addEventListener("change", () => { showChosen(); if (acting && representative) showRepresentative(); });
        showChosen();
        if (acting && representative) showRepresentative();
    }
    const summary = document.getElementById("error-summary");
    if (summary) summary.focus();

    // Embedded (embed.js): tell the page that embeds the form how tall it is, and only that page. The server sets
    // data-parent only to an origin the organisation allows, and it is the exact targetOrigin: nobody else hears it.
    const holder = document.querySelector("[data-parent]");
    const parentOrigin = holder ? holder.getAttribute("data-parent") : null;
    if (parentOrigin && window.parent !== window) {
        let last = 0;
        const post = () => {
            const height = Math.ceil(document.documentElement.scrollHeight);
            if (height !== last) {
                last = height;
                window.parent.postMessage({ type: "dsar-form:height", height }, parentOrigin);
            }
        };
        if (typeof ResizeObserver === "function") new ResizeObserver(post).observe(document.body);
        window.addEventListener("load", post);
        post();
    }
})();
