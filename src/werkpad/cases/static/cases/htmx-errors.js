// Let htmx show the answer to a refused form (400) or a stale edit (409) in place:
// those answers carry the form with its messages. No inline script, for the strict CSP.
document.addEventListener("htmx:beforeSwap", function (event) {
  var status = event.detail.xhr.status;
  if (status === 400 || status === 403 || status === 409) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});
