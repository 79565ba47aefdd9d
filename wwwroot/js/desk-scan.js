// The event desk: scan the letter's QR code with the camera where the browser can read QR codes (BarcodeDetector),
// instead of typing the code. The QR code holds .../stemmen/code#code=XXXX-XXXX-XXXX; the code is filled into the
// field and the form is sent, as if staff had typed it. Without a camera, BarcodeDetector or JavaScript, staff type
// the code: that always works (docs/events.md, "The desk").
(function () {
    var start = document.getElementById('scan-start');
    var stop = document.getElementById('scan-stop');
    var video = document.getElementById('scan-video');
    var field = document.getElementById('Code');
    if (!start || !stop || !video || !field || !('BarcodeDetector' in window) || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
        return;
    }
    var stream = null;
    var timer = null;

    function codeFrom(text) {
        var hash = text.indexOf('#code=');
        var raw = hash >= 0 ? decodeURIComponent(text.substring(hash + 6)) : text;
        return /^[A-Za-z0-9 -]{12,40}$/.test(raw) ? raw : null;
    }

    function end() {
        if (timer) {
            window.clearInterval(timer);
            timer = null;
        }
        if (stream) {
            stream.getTracks().forEach(function (t) { t.stop(); });
            stream = null;
        }
        video.hidden = true;
        stop.hidden = true;
        start.hidden = false;
    }

    window.BarcodeDetector.getSupportedFormats().then(function (formats) {
        if (formats.indexOf('qr_code') < 0) {
            return;
        }
        var detector = new window.BarcodeDetector({ formats: ['qr_code'] });
        start.hidden = false;
        start.addEventListener('click', function () {
            navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }).then(function (s) {
                stream = s;
                video.srcObject = s;
                video.hidden = false;
                stop.hidden = false;
                start.hidden = true;
                return video.play();
            }).then(function () {
                timer = window.setInterval(function () {
                    detector.detect(video).then(function (found) {
                        var code = found.length > 0 ? codeFrom(found[0].rawValue) : null;
                        if (code) {
                            end();
                            field.value = code;
                            field.form.requestSubmit();
                        }
                    }).catch(function () { });
                }, 250);
            }).catch(end);
        });
        stop.addEventListener('click', end);
    }).catch(function () { });
})();
