// The room console and the college board: where each room's session runs today, failed meeting calls in a row (with
// the suggestion to switch), the switch form (reason and confirmation) when a backup platform is configured, and who
// waits in the backup meeting. Every text is set with textContent (no HTML from data).
(function () {
  'use strict';
  var x = window.examDay, box = document.getElementById('room-platforms');
  if (!x || !box) return;
  var t = x.t, el = x.el;

  function post(url, body) {
    var headers = x.tokenHeaders();
    headers.Accept = 'application/json';
    headers['Content-Type'] = 'application/json';
    return fetch(url, { method: 'POST', credentials: 'same-origin', headers: headers, body: JSON.stringify(body) }).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (json) { return { ok: response.ok, status: response.status, body: json }; });
    });
  }

  function waitingList(room, section) {
    x.call('GET', '/api/v1/rooms/' + room.id + '/waiting-room').then(function (r) {
      if (!r.ok) return;
      var list = el('ul', 'room-waiting');
      section.appendChild(el('h4', null, t('等候室', 'Waiting room') + ' (' + r.body.length + ')'));
      r.body.forEach(function (p) {
        list.appendChild(el('li', p.expected ? 'expected' : 'unexpected',
          p.displayName + (p.joinedAt ? ' · ' + new Date(p.joinedAt).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '') + (p.expected ? '' : ' · ' + t('不在本场名单', 'not on today\'s list'))));
      });
      section.appendChild(list);
    });
  }

  function form(room, state, section) {
    var f = el('form', 'room-switch');
    var target = state.platform === state.backupName ? 'Primary' : 'Backup';
    var label = el('label', null, t('切换原因', 'Reason for the switch'));
    var input = el('input');
    input.id = 'switch-reason-' + room.id;
    input.required = true;
    input.maxLength = 500;
    label.htmlFor = input.id;
    var button = el('button', 'primary', target === 'Backup' ? t('切换到 ', 'Switch to ') + state.backupName : t('切回 WeLink', 'Switch back to WeLink'));
    button.type = 'submit';
    var result = el('p', 'room-switch-result');
    result.setAttribute('role', 'status');
    f.append(label, input, button, result);
    f.addEventListener('submit', function (e) {
      e.preventDefault();
      if (!window.confirm(t('确定切换 ' + room.name + ' 的会议平台？所有未完成的考生都会收到通知。',
        'Switch the meeting platform of ' + room.name + '? Every candidate who has not finished is told.'))) return;
      button.disabled = true;
      post('/api/v1/rooms/' + room.id + '/meeting-platform', { platform: target, reason: input.value }).then(function (r) {
        button.disabled = false;
        if (r.ok) { render(); return; }
        result.textContent = x.problemText(r);
        result.className = 'notice error';
      });
    });
    section.appendChild(f);
  }

  function show(room, state) {
    var section = el('section', 'card room-platform');
    section.dataset.roomId = room.id;
    section.appendChild(el('h3', null, room.name + ' · ' + state.platform));
    if (state.meetingCode) section.appendChild(el('p', null, t('会议号 ', 'Meeting code ') + state.meetingCode));
    if (state.suggestSwitch) {
      var warn = el('p', 'notice error', t('会议服务已连续失败 ' + state.consecutiveFailures + ' 次，建议切换到备用平台。',
        'The meeting service failed ' + state.consecutiveFailures + ' times in a row: consider switching to the backup platform.'));
      warn.setAttribute('role', 'alert');
      section.appendChild(warn);
    }
    if (state.backupOffered) form(room, state, section);
    if (state.backupOffered && state.platform === state.backupName) waitingList(room, section);
    return section;
  }

  function render() {
    x.call('GET', '/api/v1/exam-day/console').then(function (r) {
      if (!r.ok) return;
      var college = box.dataset.collegeId ? Number(box.dataset.collegeId) : null;
      var rooms = r.body.rooms.filter(function (room) { return college === null || room.collegeId === college; });
      return Promise.all(rooms.map(function (room) {
        return x.call('GET', '/api/v1/rooms/' + room.id + '/meeting-platform').then(function (s) { return s.ok ? show(room, s.body) : null; });
      })).then(function (sections) {
        box.replaceChildren.apply(box, sections.filter(Boolean));
      });
    });
  }

  render();
  // Another person's switch shows at once; failures in a row are read again every half minute.
  // The page's one hub connection (examday-common.js); if it fails, the half-minute refresh still runs.
  var live = x.hub();
  if (live) live.on('roomPlatformChanged', render);
  setInterval(render, 30000);
})();
