/* Suggestions as you type for search boxes marked data-suggest-url (progressive enhancement:
   without this script the form simply submits). Fills the input's <datalist> from
   GET {data-suggest-url}?q=…, at most once per 250 ms of typing. */
(function () {
  "use strict";
  var inputs = document.querySelectorAll("input[data-suggest-url][list]");
  Array.prototype.forEach.call(inputs, function (input) {
    var list = document.getElementById(input.getAttribute("list"));
    if (!list || !window.fetch) { return; }
    var timer = null;
    var last = "";
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        var q = input.value.trim();
        if (q.length < 2 || q === last) { return; }
        last = q;
        window.fetch(input.getAttribute("data-suggest-url") + "?q=" + encodeURIComponent(q),
                     { headers: { "Accept": "application/json" }, credentials: "omit" })
          .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
          .then(function (data) {
            if (input.value.trim() !== q) { return; }
            while (list.firstChild) { list.removeChild(list.firstChild); }
            (data.suggestions || []).forEach(function (text) {
              var option = document.createElement("option");
              option.value = text;
              list.appendChild(option);
            });
          })
          .catch(function () { /* suggestions are optional */ });
      }, 250);
    });
  });
})();
