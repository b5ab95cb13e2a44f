// Embeds an organisation's privacy request form: <script src="https://<engine>/embed.js" data-tenant="demo"
// data-lang="fr" async></script>. The form lives in an iframe on the engine's origin, so neither page's CSS or script
// reaches the other; this script declares nothing global. It only listens for the form's height, from the engine's
// origin and from its own iframe.
(() => {
    "use strict";
    const script = document.currentScript;
    if (!script || !script.dataset.tenant) return;
    const engine = new URL(script.src, document.baseURI).origin;
    const language = script.dataset.lang || "";
    const titles = {
        en: "Privacy request form",
        fr: "Formulaire de demande sur vos données personnelles",
        ru: "Форма запроса о персональных данных",
    };
    const query = new URLSearchParams();
    if (language) query.set("lang", language);
    query.set("embed", "1");
    query.set("parent", window.location.origin);
    const frame = document.createElement("iframe");
    frame.src = `${engine}/form/${encodeURIComponent(script.dataset.tenant)}?${query.toString()}`;
    frame.title = titles[language.split("-")[0].toLowerCase()] || titles.en;
    frame.style.width = "100%";
    frame.style.minHeight = "40rem";
    frame.style.border = "0";
    frame.style.display = "block";
    window.addEventListener("message", (event) => {
        if (event.origin !== engine || event.source !== frame.contentWindow) return;
        const data = event.data;
        if (!data || data.type !== "dsar-form:height" || typeof data.height !== "number" || !Number.isFinite(data.height)) return;
        frame.style.minHeight = "0";
        frame.style.height = `${Math.min(Math.max(Math.ceil(data.height), 200), 30000)}px`;
    });
    script.after(frame);
})();
