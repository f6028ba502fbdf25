// The college view: on every push for this college, reload the three lists from the API and the progress part (rendered
// on the server, bars included) from the page, and say what changed.
(function () {
  'use strict';
  var root = document.getElementById('college');
  if (!root || !window.examDay) return;
  var x = window.examDay, t = x.t, el = x.el;
  var collegeId = root.dataset.collegeId;
  var live = document.getElementById('college-live');
  var checked = document.getElementById('college-checked');
  var note = document.getElementById('college-connection');
  var progress = document.getElementById('college-progress');
  var loading = null, again = false;

  // The server renders the bars and figures; this only swaps its fresh markup in (parsed, never executed).
  function refreshProgress() {
    if (!progress) return Promise.resolve();
    return fetch(progress.dataset.url, { credentials: 'same-origin', headers: { Accept: 'text/html' } }).then(function (response) {
      return response.ok ? response.text() : null;
    }).then(function (html) {
      if (html === null) return;
      var fresh = new DOMParser().parseFromString(html, 'text/html').body;
      progress.replaceChildren.apply(progress, Array.prototype.slice.call(fresh.childNodes));
    });
  }

  function fill(key, rows) {
    var section = root.querySelector('[data-list="' + key + '"]');
    if (!section) return;
    var list = section.querySelector('[data-items]');
    list.replaceChildren();
    rows.forEach(function (r) {
      var li = el('li', null, x.time(r) + ' · ' + r.roomName + ' · ' + r.candidateName + ' ');
      li.appendChild(el('span', 'muted', r.examNumber));
      li.appendChild(document.createTextNode(' · '));
      li.appendChild(el('span', 'status status-' + r.status.toLowerCase(), x.statuses[r.status] || r.status));
      if (r.invitationError) li.appendChild(document.createTextNode(' · ' + r.invitationError));
      list.appendChild(li);
    });
    section.querySelector('[data-count]').textContent = rows.length;
    section.querySelector('[data-empty]').hidden = rows.length > 0;
  }

  function refreshLists() {
    return x.call('GET', '/api/v1/colleges/' + collegeId + '/exam-day').then(function (result) {
      if (!result.ok) return;
      fill('interrupted', result.body.interrupted);
      fill('failed', result.body.failedInvitations);
      fill('unverified', result.body.unverified);
      if (checked) checked.textContent = new Date(result.body.checkedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
    });
  }

  // The first push reloads at once (the board should follow a move within two seconds); pushes arriving during a
  // reload make one more after it, so a burst costs two reloads and the board always ends on the latest state.
  function refresh() {
    if (loading) { again = true; return; }
    again = false;
    loading = Promise.all([refreshProgress(), refreshLists()]).catch(function () { }).then(function () {
      loading = null;
      if (again) refresh();
    });
  }

  x.connect(function (row) {
    if (String(row.collegeId) !== collegeId) return;
    if (live) live.textContent = row.roomName + ' · ' + row.candidateName + '：' + (x.statuses[row.status] || row.status);
    refresh();
  }, function (state) {
    if (note) note.textContent = state === 'connected' || state === 'reconnected' ? t('实时更新已连接', 'Live updates on') : t('实时更新已断开，正在重连…', 'Live updates lost; reconnecting…');
    if (state === 'reconnected') refresh();
  });
  // The five-minute rule depends on the clock, not only on pushes.
  setInterval(refresh, 60000);
})();
