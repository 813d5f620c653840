// Injected by `bcop serve` only (never by `bcop build`): reloads the page after each
// successful rebuild and shows build errors over the page until the next good one.
(function () {
  var overlay = null;
  var seen = null;
  function show(text) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "__bcop_overlay";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;background:#14181f;border-top:6px solid #e5484d;" +
        "color:#ffd7d2;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;padding:2rem;overflow:auto;white-space:pre-wrap";
      document.body.appendChild(overlay);
    }
    overlay.textContent = "bcop: the build failed\n\n" + text;
  }
  function hide() {
    if (overlay) { overlay.remove(); overlay = null; }
  }
  var source = new EventSource("/__bcop/events");
  source.addEventListener("state", function (e) {
    var s = JSON.parse(e.data);
    if (s.error) {
      show(s.error);
    } else if (seen !== null && s.generation !== seen) {
      location.reload();
      return;
    } else {
      hide();
    }
    seen = s.generation;
    window.__bcopConnected = true;
  });
})();
