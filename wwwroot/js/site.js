// Burgerbegroting: the antiforgery token rides on every htmx request.
// The layout renders
//   <meta name="antiforgery-token" content="@token">
//   <meta name="antiforgery-header" content="RequestVerificationToken">
// and loads this file with <script src="~/js/site.js" defer>, after htmx (also defer).
// No inline script anywhere: the Content-Security-Policy is script-src 'self'.
(function () {
  "use strict";

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute("content") : null;
  }

  document.addEventListener("htmx:configRequest", function (event) {
    var token = meta("antiforgery-token");
    if (token) {
      event.detail.headers[meta("antiforgery-header") || "RequestVerificationToken"] = token;
    }
  });
})();
