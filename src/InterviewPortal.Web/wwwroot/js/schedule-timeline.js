// The schedule page's day timeline, made nicer with script; everything here also works without it (see Pages/Schedule).
// - the candidate search filters the list as you type (the Find button does the same on the server);
// - dragging a candidate or an interview block onto a free slot fills the same form fields the keyboard path does
//   (the candidate's radio, or Move.InterviewId and the Move handler) and presses that slot's submit button.
(() => {
  'use strict';
  const form = document.getElementById('tl-form');

  for (const input of document.querySelectorAll('input[data-tl-filter]')) {
    const list = document.querySelector(input.dataset.tlFilter);
    if (!list) continue;
    input.addEventListener('input', () => {
      const words = input.value.trim().toLowerCase();
      for (const item of list.children) item.hidden = words !== '' && !item.textContent.toLowerCase().includes(words);
    });
  }
  if (!form) return;

  let dragged = null;
  document.addEventListener('dragstart', (e) => {
    const item = e.target instanceof Element ? e.target.closest('[data-exam-number], [data-interview][draggable="true"]') : null;
    if (!item) return;
    dragged = item.dataset.interview ? { interview: item.dataset.interview } : { examNumber: item.dataset.examNumber };
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData('text/plain', item.dataset.interview || item.dataset.examNumber);
  });
  document.addEventListener('dragend', () => { dragged = null; });

  for (const slot of form.querySelectorAll('.tl-slot')) {
    slot.addEventListener('dragover', (e) => { if (dragged) { e.preventDefault(); slot.classList.add('tl-drop'); } });
    slot.addEventListener('dragleave', () => slot.classList.remove('tl-drop'));
    slot.addEventListener('drop', (e) => {
      e.preventDefault();
      slot.classList.remove('tl-drop');
      const button = slot.querySelector('button');
      if (!dragged || !button) return;
      if (dragged.interview) moveTo(dragged.interview);
      else bookFor(dragged.examNumber);
      form.requestSubmit(button);
    });
  }

  function bookFor(examNumber) {
    const radio = document.querySelector(`input[type=radio][name="Book.ExamNumbers"][value="${CSS.escape(examNumber)}"]`);
    if (radio) radio.checked = true;
  }

  function moveTo(interviewId) {
    const url = new URL(form.action, location.href);
    url.searchParams.set('handler', 'Move');
    form.action = url.toString();
    let field = form.querySelector('input[name="Move.InterviewId"]');
    if (!field) {
      field = document.createElement('input');
      field.type = 'hidden';
      field.name = 'Move.InterviewId';
      form.append(field);
    }
    field.value = interviewId;
  }
})();
