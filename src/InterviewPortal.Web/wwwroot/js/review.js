// ID review: zoom and rotate the photo (CSS transforms set from script, no inline style attributes),
// keyboard shortcuts on the focused photo, and a live note when a new photo joins the queue.
(function () {
  'use strict';
  var img = document.getElementById('review-photo');
  var frame = document.getElementById('photo-frame');
  var live = document.getElementById('review-live');
  var english = document.documentElement.lang === 'en';
  var scale = 1;
  var angle = 0;

  function apply() {
    if (!img) return;
    img.style.transform = 'scale(' + scale + ') rotate(' + angle + 'deg)';
    if (frame) frame.dataset.zoomed = scale > 1 ? 'true' : 'false';
  }

  function act(what) {
    switch (what) {
      case 'zoom-in': scale = Math.min(4, Math.round((scale + 0.25) * 100) / 100); break;
      case 'zoom-out': scale = Math.max(0.5, Math.round((scale - 0.25) * 100) / 100); break;
      case 'rotate-left': angle = (angle + 270) % 360; break;
      case 'rotate-right': angle = (angle + 90) % 360; break;
      case 'reset': scale = 1; angle = 0; break;
      default: return;
    }
    apply();
  }

  document.querySelectorAll('[data-photo]').forEach(function (button) {
    button.addEventListener('click', function () { act(button.dataset.photo); });
  });

  if (frame) {
    frame.addEventListener('keydown', function (e) {
      var map = { '+': 'zoom-in', '=': 'zoom-in', '-': 'zoom-out', '_': 'zoom-out', 'l': 'rotate-left', 'L': 'rotate-left', 'r': 'rotate-right', 'R': 'rotate-right', '0': 'reset' };
      if (map[e.key] && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        act(map[e.key]);
      }
    });
  }

  // A new photo for one of my rooms: say so, without reloading under the reviewer's hands.
  if (window.signalR && live) {
    // The negotiation is a cookie POST: it carries the page's antiforgery token like every other write.
    var token = document.querySelector('input[name="__RequestVerificationToken"]');
    var headers = token ? { RequestVerificationToken: token.value } : {};
    var connection = new signalR.HubConnectionBuilder().withUrl('/hubs/exam-day', { headers: headers }).withAutomaticReconnect().build();
    connection.on('interviewChanged', function (row) {
      if (row.status !== 'IdSubmitted') return;
      live.textContent = english
        ? 'A new ID photo from ' + row.candidateName + ' is waiting. Reload the page to see it in the queue.'
        : row.candidateName + ' 提交了新的身份证照片，刷新页面即可在队列中看到。';
      live.classList.remove('visually-hidden');
      live.classList.add('notice');
    });
    connection.start().catch(function () { /* the page works without live notes */ });
  }
})();
