// "My interview": the countdown to the start, the ID-photo upload (PUT to the exam-day API) and, pushed live over
// /hubs/me, where to join when the room moves to another meeting platform.
(function () {
  'use strict';

  function startCountdown(el) {
    var startsAt = Date.parse(el.dataset.startsAt);
    if (isNaN(startsAt)) return;
    function pad(n) { return n < 10 ? '0' + n : String(n); }
    function tick() {
      var left = Math.floor((startsAt - Date.now()) / 1000);
      if (left <= 0) {
        el.textContent = el.dataset.after;
        return false;
      }
      var d = Math.floor(left / 86400), h = Math.floor(left % 86400 / 3600), m = Math.floor(left % 3600 / 60), s = left % 60;
      var parts = [];
      if (d > 0) parts.push(d + ' ' + el.dataset.d);
      parts.push(pad(h) + ' ' + el.dataset.h, pad(m) + ' ' + el.dataset.m, pad(s) + ' ' + el.dataset.s);
      el.textContent = el.dataset.before + ' ' + parts.join(' ');
      return true;
    }
    if (tick()) {
      var timer = setInterval(function () { if (!tick()) clearInterval(timer); }, 1000);
    }
  }

  function problemText(response) {
    return response.json().then(function (problem) {
      if (problem && problem.errors) {
        var first = Object.keys(problem.errors)[0];
        if (first && problem.errors[first].length) return problem.errors[first][0];
      }
      return (problem && (problem.detail || problem.title)) || String(response.status);
    }, function () { return String(response.status); });
  }

  function wirePhotoUpload(form) {
    var input = form.querySelector('input[type="file"]');
    var result = form.querySelector('.me-photo-result');
    var button = form.querySelector('button[type="submit"]');
    var token = form.querySelector('input[name="__RequestVerificationToken"]');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (!input.files || input.files.length === 0) {
        result.textContent = form.dataset.empty;
        return;
      }
      var body = new FormData();
      body.append('photo', input.files[0]);
      var headers = {};
      if (token) headers.RequestVerificationToken = token.value;
      headers['Accept-Language'] = document.documentElement.lang || 'zh-CN'; // the API's problem text in the page's language
      button.disabled = true;
      result.textContent = form.dataset.sending;
      fetch(form.dataset.url, { method: 'PUT', body: body, headers: headers, credentials: 'same-origin' })
        .then(function (response) {
          if (response.ok) {
            result.textContent = form.dataset.done;
            setTimeout(function () { window.location.reload(); }, 1500);
            return;
          }
          return problemText(response).then(function (text) {
            result.textContent = form.dataset.failed + text;
            button.disabled = false;
          });
        }, function () {
          result.textContent = form.dataset.failed + 'network';
          button.disabled = false;
        });
    });
  }

  document.querySelectorAll('.me-countdown[data-starts-at]').forEach(startCountdown);
  var photoForm = document.getElementById('me-photo-form');
  if (photoForm) wirePhotoUpload(photoForm);
  // The room moved to the backup meeting platform (or back): show the new code and link without a reload.
  function followMeeting(box) {
    if (!window.signalR || !box) return;
    var token = box.querySelector('input[name="__RequestVerificationToken"]');
    var headers = token ? { RequestVerificationToken: token.value } : {};
    var connection = new signalR.HubConnectionBuilder().withUrl('/hubs/me', { headers: headers }).withAutomaticReconnect().build();
    connection.on('meetingChanged', function (m) {
      box.querySelector('.me-meeting-platform').textContent = m.platform || '';
      box.querySelector('.me-meeting-id').textContent = m.meetingCode || '';
      var link = box.querySelector('.me-meeting-link a');
      if (m.joinUrl && /^https?:\/\//.test(m.joinUrl)) { link.href = m.joinUrl; link.hidden = false; } else { link.hidden = true; }
      box.querySelector('.me-meeting-backup').hidden = !m.platform || m.platform === box.dataset.primary;
      box.hidden = !m.meetingCode;
    });
    connection.start().then(function () { box.dataset.live = 'connected'; },
      function () { /* the page still shows what it loaded; a reload shows the rest */ });
  }
  // Only where the page says so (the interview's day, or a meeting): the hub's negotiation needs the token the page
  // then carries.
  var meeting = document.getElementById('me-meeting');
  if (meeting && meeting.dataset.follow === 'live') followMeeting(meeting);
})();
