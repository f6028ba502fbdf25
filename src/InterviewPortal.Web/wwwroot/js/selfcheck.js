// Self-check: camera preview, microphone level and round-trip time to the portal. Nothing leaves the browser
// except the tiny timing requests to /api/v1/ping.
(function () {
  'use strict';
  var root = document.getElementById('selfcheck');
  if (!root) return;
  var video = document.getElementById('selfcheck-video');
  var meter = document.getElementById('selfcheck-level');
  var mediaStatus = document.getElementById('selfcheck-media-status');
  var rttStatus = document.getElementById('selfcheck-rtt');
  var stream = null;

  function say(el, key, extra) { el.textContent = root.dataset[key] + (extra ? ' ' + extra : ''); }

  document.getElementById('selfcheck-start').addEventListener('click', function () {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      say(mediaStatus, 'unsupported');
      return;
    }
    navigator.mediaDevices.getUserMedia({ video: true, audio: true }).then(function (s) {
      stream = s;
      video.srcObject = s;
      say(mediaStatus, 'mediaOk');
      var AudioContextClass = window.AudioContext || window.webkitAudioContext;
      if (!AudioContextClass) return;
      var context = new AudioContextClass();
      var analyser = context.createAnalyser();
      analyser.fftSize = 512;
      context.createMediaStreamSource(s).connect(analyser);
      var samples = new Uint8Array(analyser.fftSize);
      (function draw() {
        analyser.getByteTimeDomainData(samples);
        var peak = 0;
        for (var i = 0; i < samples.length; i++) peak = Math.max(peak, Math.abs(samples[i] - 128));
        meter.value = Math.min(100, Math.round(peak / 128 * 200));
        if (stream) requestAnimationFrame(draw);
      })();
    }, function (error) {
      say(mediaStatus, 'mediaFailed', error && error.name ? '(' + error.name + ')' : '');
    });
  });

  document.getElementById('selfcheck-stop').addEventListener('click', function () {
    if (stream) stream.getTracks().forEach(function (t) { t.stop(); });
    stream = null;
    video.srcObject = null;
    meter.value = 0;
  });

  document.getElementById('selfcheck-measure').addEventListener('click', function () {
    var times = [];
    var rounds = 7;
    say(rttStatus, 'measuring');
    function once() {
      var started = performance.now();
      return fetch('/api/v1/ping?t=' + Date.now(), { cache: 'no-store', credentials: 'omit' }).then(function (r) {
        if (!r.ok) throw new Error(String(r.status));
        return r.text();
      }).then(function () { times.push(performance.now() - started); });
    }
    var chain = Promise.resolve();
    for (var i = 0; i < rounds; i++) chain = chain.then(once);
    chain.then(function () {
      times.sort(function (a, b) { return a - b; });
      var median = Math.round(times[Math.floor(times.length / 2)]);
      var verdict = median <= 150 ? 'good' : median <= 400 ? 'fair' : 'poor';
      say(rttStatus, 'rttResult', median + ' ms · ' + root.dataset[verdict]);
    }, function () { say(rttStatus, 'rttFailed'); });
  });
})();
