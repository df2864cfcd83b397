/* Paste from Word into a disclosure's body (progressive enhancement: without this script the
   textarea takes pasted HTML or text and the "Xem trước nội dung" button previews it on the server).
   Shows the paste zone of each .paste-body[data-preview-url]; what is pasted there (the clipboard's
   text/html, else its text as one paragraph a line) goes to the server, which cleans it
   (portal.sanitize.clean_pasted_html) and answers {source, html}: the cleaned source goes into the textarea, its HTML into the preview.
   If the server cannot be reached the raw clipboard goes into the textarea: saving cleans it. */
(function () {
  "use strict";
  var wrappers = document.querySelectorAll(".paste-body[data-preview-url]");
  Array.prototype.forEach.call(wrappers, function (wrapper) {
    var zone = wrapper.querySelector(".paste-zone");
    var textarea = wrapper.querySelector("textarea");
    var live = wrapper.querySelector(".body-preview-live");
    if (!zone || !textarea || !live || !window.fetch || !window.FormData) { return; }
    var form = textarea.form;
    var status = wrapper.querySelector(".paste-status");
    zone.hidden = false;

    function show(html) {
      live.querySelector(".doc-body").innerHTML = html;  // sanitized by the server (bleach allowlist)
      live.hidden = false;
    }

    zone.addEventListener("paste", function (event) {
      var data = event.clipboardData || window.clipboardData;
      if (!data) { return; }
      event.preventDefault();
      var raw = data.getData("text/html");
      if (!raw) {  // plain text: one paragraph per line, as Word and web pages copy it
        var text = data.getData("text/plain") || data.getData("Text") || "";
        raw = text.split(/\r?\n/).filter(function (line) { return line.trim(); }).map(function (line) {
          var p = document.createElement("p");
          p.textContent = line.trim();
          return p.outerHTML;
        }).join("\n");
      }
      if (!raw) { return; }
      var body = new FormData();
      body.append("body", raw);
      var token = form && form.querySelector("input[name=csrf_token]");
      if (token) { body.append("csrf_token", token.value); }
      if (status) { status.textContent = status.getAttribute("data-working"); }
      window.fetch(wrapper.getAttribute("data-preview-url"), {
        method: "POST", body: body, credentials: "same-origin", headers: { "Accept": "application/json" }
      })
        .then(function (r) { if (!r.ok) { throw new Error(String(r.status)); } return r.json(); })
        .then(function (result) {
          textarea.value = result.source;
          show(result.html);
          if (status) { status.textContent = status.getAttribute("data-done"); }
        })
        .catch(function () {
          textarea.value = raw;  // saving cleans it on the server all the same
          if (status) { status.textContent = status.getAttribute("data-failed"); }
        });
      zone.textContent = "";
    });
  });
})();
