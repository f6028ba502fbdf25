// Shared by the room console and the college view: labels, API calls with the staff cookie, the live hub.
(function () {
  'use strict';
  var en = document.documentElement.lang === 'en';
  function t(zh, english) { return en ? english : zh; }

  var statuses = {
    Scheduled: t('已排期', 'Scheduled'), Notified: t('已通知', 'Notified'), IdSubmitted: t('待核验', 'ID sent'),
    IdVerified: t('已核验', 'ID verified'), IdRejected: t('核验未过', 'ID rejected'), Invited: t('已邀请', 'Invited'),
    InProgress: t('面试中', 'In progress'), Completed: t('已完成', 'Completed'), Absent: t('缺考', 'Absent'),
    Interrupted: t('已中断', 'Interrupted'), Ended: t('已结束', 'Ended'), Cancelled: t('已取消', 'Cancelled')
  };
  var verification = {
    Pending: t('待审核', 'Pending'), Approved: t('已通过', 'Approved'), Rejected: t('已驳回', 'Rejected'),
    RetakeRequested: t('需重拍', 'Retake asked'), Superseded: t('已替换', 'Replaced')
  };
  var invitation = { Pending: t('发送中', 'Sending'), Sent: t('已发送', 'Sent'), Failed: t('失败', 'Failed') };
  var pledge = { NotRequired: t('无需', 'Not required'), Confirmed: t('已确认', 'Confirmed'), Missing: t('未确认', 'Not confirmed') };

  function time(row) {
    // startsAtLocal is "2026-11-27T10:30:00+08:00": the Beijing wall clock is in the string itself.
    return String(row.startsAtLocal).substring(11, 16);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  // Staff pages call the API with their cookie; the server refuses a cookie write without the page's antiforgery
  // token (400), so every call and the hub's negotiation send it in the RequestVerificationToken header.
  function tokenHeaders() {
    var token = document.querySelector('input[name="__RequestVerificationToken"]');
    // The API answers in Accept-Language: the page's language, not the browser's.
    var headers = { 'Accept-Language': document.documentElement.lang || 'zh-CN' };
    if (token) headers.RequestVerificationToken = token.value;
    return headers;
  }

  function call(method, url) {
    var headers = tokenHeaders();
    headers.Accept = 'application/json';
    return fetch(url, { method: method, credentials: 'same-origin', headers: headers }).then(function (response) {
      var type = response.headers.get('content-type') || '';
      var body = type.indexOf('json') >= 0 ? response.json() : Promise.resolve(null);
      return body.then(function (json) { return { ok: response.ok, status: response.status, body: json }; });
    });
  }

  function problemText(result) {
    var p = result.body || {};
    if (p.detail) return p.detail;
    if (p.errors) return Object.keys(p.errors).map(function (k) { return p.errors[k].join(' '); }).join(' ');
    if (result.status === 403) return t('您没有权限执行此操作。', 'You are not allowed to do this.');
    if (result.status === 404) return t('找不到该面试，或不在您的范围内。', 'Not found, or not in your scope.');
    return p.title || t('操作失败', 'The action failed') + ' (' + result.status + ')';
  }

  // One hub connection per page, whoever asks first (the console, the board, the room-platform panel).
  var hubConnection = null, hubStarted = null;
  function hub() {
    if (!window.signalR) return null;
    if (!hubConnection) {
      hubConnection = new signalR.HubConnectionBuilder().withUrl('/hubs/exam-day', { headers: tokenHeaders() }).withAutomaticReconnect().build();
      // Started after the current script has added its handlers.
      hubStarted = Promise.resolve().then(function () { return hubConnection.start(); });
    }
    return hubConnection;
  }

  function connect(onChange, onState) {
    var connection = hub();
    if (!connection) return null;
    connection.on('interviewChanged', onChange);
    connection.onreconnecting(function () { onState('reconnecting'); });
    connection.onreconnected(function () { onState('reconnected'); });
    connection.onclose(function () { onState('closed'); });
    hubStarted.then(function () { onState('connected'); }, function () { onState('closed'); });
    return connection;
  }

  window.examDay = {
    t: t, el: el, call: call, tokenHeaders: tokenHeaders, problemText: problemText, connect: connect, hub: hub, time: time,
    statuses: statuses, verification: verification, invitation: invitation, pledge: pledge
  };
})();
