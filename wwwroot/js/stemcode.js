// The letter's QR code links to /stemmen/code#code=XXXX-XXXX-XXXX. The part after '#' is never sent to the server,
// so the code stays out of server and proxy logs; this fills it into the field and takes it out of the address bar
// and the browser history at once (docs/stemcodes.md, "Voting with a code"). Without JavaScript the resident types it.
(function () {
    var hash = window.location.hash || '';
    if (hash.indexOf('#code=') !== 0) {
        return;
    }
    var match = /^#code=([A-Za-z0-9 -]{1,40})$/.exec(decodeURIComponent(hash));
    if (window.history && window.history.replaceState) {
        window.history.replaceState(null, '', window.location.pathname + window.location.search);
    }
    var field = document.querySelector('input[data-stemcode]');
    if (match && field) {
        field.value = match[1];
        var button = field.form && field.form.querySelector('button[type=submit]');
        if (button) {
            button.focus();
        }
    }
})();
