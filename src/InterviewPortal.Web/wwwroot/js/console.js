// The room console: today's interviews of my rooms, the moves each state allows as real buttons,
// kept current by the exam-day hub. Every text is set with textContent (no HTML from data).
(function () {
  'use strict';
  var root = document.getElementById('console');
  if (!root || !window.examDay) return;
  var x = window.examDay, t = x.t, el = x.el;
  var live = document.getElementById('console-live');
  var connectionNote = document.getElementById('console-connection');
  var date = root.dataset.date;
  var canAct = root.dataset.canAct === 'true';
  var rows = new Map();
  var rooms = [];
  var errors = new Map();

  var labels = {
    notify: t('重发通知', 'Send notice again'), invite: t('邀请入会', 'Invite'), review: t('审核照片', 'Review photo'),
    'room-scan-accepted': t('环境检查通过', 'Room scan accepted'), complete: t('完成', 'Complete'),
    absent: t('缺考', 'Absent'), interrupt: t('中断', 'Interrupted'), end: t('结束并移出', 'End')
  };
  var confirmations = {
    absent: t('确认将该考生标记为缺考？', 'Mark this candidate absent?'),
    end: t('确认结束并将考生移出会议？', 'End the session and remove the candidate?')
  };

  function announce(text) { if (live) live.textContent = text; }

  function load() {
    return x.call('GET', '/api/v1/exam-day/console?date=' + encodeURIComponent(date)).then(function (result) {
      if (!result.ok) { announce(x.problemText(result)); return; }
      rooms = result.body.rooms;
      rows.clear();
      result.body.interviews.forEach(function (r) { rows.set(r.id, r); });
      render();
    });
  }

  function render() {
    var focus = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset : {};
    var focusId = focus.interview ? Number(focus.interview) : null, focusAction = focus.action;
    root.replaceChildren();
    if (rooms.length === 0) {
      root.appendChild(el('p', 'muted', t('您目前没有负责的考场。', 'You staff no exam room.')));
      return;
    }
    rooms.forEach(function (room) {
      var section = el('section', 'console-room card');
      var headingId = 'room-' + room.id;
      var h2 = el('h2', null, room.name);
      h2.id = headingId;
      section.setAttribute('aria-labelledby', headingId);
      section.appendChild(h2);
      var list = Array.from(rows.values()).filter(function (r) { return r.roomId === room.id; })
        .sort(function (a, b) { return a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : a.id - b.id; });
      if (list.length === 0) {
        section.appendChild(el('p', 'muted', t('今天没有面试。', 'No interviews today.')));
      } else {
        section.appendChild(table(list));
      }
      root.appendChild(section);
    });
    if (focusId !== null) restoreFocus(focusId, focusAction);
  }

  function table(list) {
    var tableEl = el('table', 'grid');
    var head = el('thead'), tr = el('tr');
    [t('时间', 'Time'), t('考生', 'Candidate'), t('状态', 'Status'), t('承诺书', 'Pledge'), t('身份核验', 'ID check'), t('邀请', 'Invitation'), t('操作', 'Actions')]
      .forEach(function (h) { var th = el('th', null, h); th.scope = 'col'; tr.appendChild(th); });
    head.appendChild(tr);
    tableEl.appendChild(head);
    var body = el('tbody');
    list.forEach(function (r) { body.appendChild(rowOf(r)); });
    tableEl.appendChild(body);
    return tableEl;
  }

  function rowOf(r) {
    var tr = el('tr');
    tr.id = 'interview-' + r.id;
    tr.appendChild(el('td', null, x.time(r)));
    var who = el('th');
    who.scope = 'row';
    who.tabIndex = -1;
    who.dataset.interview = r.id;
    who.appendChild(el('span', null, r.candidateName));
    who.appendChild(el('span', 'muted', ' ' + r.examNumber));
    if (r.kind === 'Rehearsal') who.appendChild(el('span', 'kind-rehearsal', t('演练', 'Rehearsal')));
    tr.appendChild(who);
    var status = el('td');
    status.appendChild(el('span', 'status status-' + r.status.toLowerCase(), x.statuses[r.status] || r.status));
    if (r.statusNote) status.appendChild(el('div', 'muted', r.statusNote));
    tr.appendChild(status);
    tr.appendChild(el('td', r.pledge === 'Missing' ? 'flag-missing' : null, x.pledge[r.pledge] || r.pledge));
    tr.appendChild(el('td', null, r.verification ? (x.verification[r.verification] || r.verification) : '—'));
    var inv = el('td', r.invitation === 'Failed' ? 'flag-missing' : null, r.invitation ? (x.invitation[r.invitation] || r.invitation) : '—');
    if (r.invitationError) inv.title = r.invitationError;
    tr.appendChild(inv);
    var actions = el('td');
    var box = el('div', 'console-actions');
    if (canAct) r.actions.forEach(function (action) { box.appendChild(button(r, action)); });
    actions.appendChild(box);
    if (errors.has(r.id)) {
      var error = el('div', 'console-row-error', errors.get(r.id));
      error.setAttribute('role', 'alert');
      actions.appendChild(error);
    }
    tr.appendChild(actions);
    return tr;
  }

  function button(r, action) {
    if (action === 'review') {
      var link = el('a', 'button', labels.review);
      link.href = r.verificationId ? '/Review?id=' + r.verificationId : '/Review';
      link.dataset.interview = r.id;
      link.dataset.action = action;
      return link;
    }
    var b = el('button', action === 'absent' || action === 'interrupt' ? 'danger' : action === 'invite' ? 'primary' : null, labels[action] || action);
    b.type = 'button';
    b.dataset.interview = r.id;
    b.dataset.action = action;
    b.setAttribute('aria-label', (labels[action] || action) + ' — ' + r.candidateName);
    b.addEventListener('click', function () { run(r, action, b); });
    return b;
  }

  function run(r, action, b) {
    if (confirmations[action] && !window.confirm(confirmations[action])) return;
    b.disabled = true;
    b.setAttribute('aria-busy', 'true');
    x.call('POST', '/api/v1/interviews/' + r.id + '/' + action).then(function (result) {
      if (result.ok) {
        errors.delete(r.id);
        announce(r.candidateName + '：' + labels[action] + ' ✓');
        return load();
      }
      var text = x.problemText(result);
      errors.set(r.id, text);
      announce(r.candidateName + '：' + text);
      render();
    }, function () {
      errors.set(r.id, t('网络错误，请重试。', 'Network error; try again.'));
      render();
    }).finally(function () { b.disabled = false; b.removeAttribute('aria-busy'); });
  }

  function restoreFocus(id, action) {
    var scope = document.getElementById('interview-' + id);
    if (!scope) return;
    var target = (action && scope.querySelector('[data-action="' + action + '"]')) || scope.querySelector('.console-actions button, .console-actions a') || scope.querySelector('th');
    if (target) target.focus();
  }

  x.connect(function (row) {
    var known = rooms.some(function (room) { return room.id === row.roomId; });
    if (!known || String(row.startsAtLocal).substring(0, 10) !== date) return;
    var before = rows.get(row.id);
    rows.set(row.id, row);
    render();
    if (!before || before.status !== row.status)
      announce(row.candidateName + '：' + (x.statuses[row.status] || row.status));
  }, function (state) {
    if (!connectionNote) return;
    connectionNote.textContent = state === 'connected' || state === 'reconnected'
      ? t('实时更新已连接', 'Live updates on')
      : t('实时更新已断开，正在重连…', 'Live updates lost; reconnecting…');
    if (state === 'reconnected') load();
  });

  load();
})();
