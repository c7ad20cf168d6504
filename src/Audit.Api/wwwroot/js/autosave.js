/*
 * Autosave on the theme page (templates/pages/theme): each answer is saved through the API as soon as it changes
 * (debounced), with PUT /api/v1/participations/{id}/answers/{key} and If-Match naming the version the page holds
 * (the hidden v:key field, which the form post uses too). An emptied answer is a DELETE. The status line at the
 * question (aria-live) says "nog niet opgeslagen" while a change waits, "opgeslagen", the validation error, or that a
 * colleague changed the answer meanwhile (412/428), with the colleague's answer and the choice to take it or keep one's
 * own. A change still waiting when the page is left is sent at once (pagehide, keepalive).
 * The session cookie alone is not enough for the API: the antiforgery token goes in the header the form names.
 * The comment ("Toelichting") is saved with its answer; one typed without an answer is refused in words, as on the
 * server. Reading and writing the fields is answer-fields.js (loaded before this file).
 */
(function () {
  'use strict';

  var form = document.getElementById('theme-form');
  if (!form || !form.dataset.autosave || !window.fetch || !window.AuditAnswerFields) {
    return;
  }
  var text = form.dataset;
  var fill = window.AuditAnswerFields.fill;
  var fields = window.AuditAnswerFields.create(form);
  var tokenField = form.querySelector('input[data-antiforgery]');
  var states = {};

  Array.prototype.forEach.call(document.querySelectorAll('[data-no-script-note]'), function (note) { note.hidden = true; });
  Array.prototype.forEach.call(document.querySelectorAll('[data-autosave-note]'), function (note) { note.hidden = false; });

  function state(key) {
    return states[key] || (states[key] = { timer: null, busy: false, again: false });
  }

  function versionField(question) {
    return question.querySelector('input[data-version]');
  }

  function show(question, message, kind) {
    var status = document.getElementById('s-' + question.dataset.question);
    status.textContent = message;
    status.className = 'audit-autosave' + (kind ? ' audit-autosave--' + kind : '');
  }

  function schedule(event, delay) {
    var field = event.target;
    if (!field || field.form !== form) {
      return; // the evidence file fields belong to their own upload forms
    }
    var question = field.closest('[data-question]');
    if (!question || question.hidden) {
      return;
    }
    var s = state(question.dataset.question);
    s.question = question;
    window.clearTimeout(s.timer);
    s.timer = window.setTimeout(function () { s.timer = null; save(question); }, delay);
    if (!s.busy && !question.querySelector('.audit-conflict')) {
      show(question, text.textPending, 'busy'); // "Opgeslagen" would be untrue while the change waits for its timer
    }
  }

  /*
   * The form post carries every answer on the page, so a save still waiting for its timer would only race it (and
   * expect a version the post is about to replace). Saves already on their way are settled by the server: a post that
   * meets a version its own page just saved reads the answers again before calling it a colleague's change.
   */
  form.addEventListener('submit', function () {
    Object.keys(states).forEach(function (key) {
      window.clearTimeout(states[key].timer);
      states[key].timer = null;
    });
  });

  form.addEventListener('input', function (event) { schedule(event, 800); });
  form.addEventListener('change', function (event) { schedule(event, 150); });

  /*
   * Leaving the page (a link, the back button, closing the tab) must not drop a change still waiting for its timer:
   * send it now with keepalive, which outlives the page. A form post has already cleared the timers, so it sends nothing.
   */
  window.addEventListener('pagehide', function () {
    Object.keys(states).forEach(function (key) {
      var s = states[key];
      if (s.timer === null) {
        return;
      }
      window.clearTimeout(s.timer);
      s.timer = null;
      save(s.question, true);
    });
  });

  function save(question, leaving) {
    var key = question.dataset.question;
    var s = state(key);
    if (question.hidden) {
      return; // hidden while the timer ran: a hidden question is not part of the answers
    }
    if (question.querySelector('.audit-conflict')) {
      return; // the person chooses first; another save would meet the same conflict and rebuild the choice under their click
    }
    if (s.busy) {
      s.again = true;
      return;
    }
    var answer = fields.valueOf(question);
    var comment = fields.commentOf(question);
    if (answer.error) {
      show(question, fill(text.textInvalid, answer.error), 'error');
      return;
    }
    if (answer.empty && comment !== null) {
      show(question, fill(text.textInvalid, text.textCommentNeedsAnswer), 'error');
      return; // a comment is stored with its answer; sending the answer's removal would drop the comment unnoticed
    }
    var version = versionField(question).value;
    if (answer.empty && !version) {
      show(question, '');
      return; // nothing stored, nothing to clear
    }
    var headers = { Accept: 'application/json' };
    headers[form.dataset.tokenHeader] = tokenField.value;
    if (version) {
      headers['If-Match'] = '"' + version + '"';
    }
    var init = { method: answer.empty ? 'DELETE' : 'PUT', headers: headers, credentials: 'same-origin', keepalive: !!leaving };
    if (!answer.empty) {
      headers['Content-Type'] = 'application/json';
      var body = { value: answer.value };
      if (comment !== null) {
        body.comment = comment; // the API replaces the comment: sent without one, it is removed
      }
      init.body = JSON.stringify(body);
    }
    s.busy = true;
    show(question, text.textSaving, 'busy');
    window.fetch(form.dataset.autosave + encodeURIComponent(key), init)
      .then(function (response) { return handle(question, response, answer.empty); })
      .catch(function () { show(question, text.textFailed, 'error'); })
      .then(function () {
        s.busy = false;
        if (s.again) {
          s.again = false;
          save(question);
        }
      });
  }

  function handle(question, response, cleared) {
    if (response.ok) {
      var tag = (response.headers.get('ETag') || '').replace(/^W\//, '').replace(/"/g, '');
      versionField(question).value = cleared ? '' : tag;
      removeChoice(question);
      clearServerError(question);
      var s = state(question.dataset.question);
      if (s.timer !== null || s.again) {
        show(question, text.textPending, 'busy'); // saved, but a newer change is still waiting
      } else {
        show(question, cleared ? text.textCleared : text.textSaved, 'ok');
      }
      return null;
    }
    return response.json().catch(function () { return {}; }).then(function (problem) {
      if (response.status === 412 || response.status === 428) {
        conflict(question, problem.current || null);
      } else if (response.status === 404 && cleared) {
        versionField(question).value = '';
        show(question, text.textCleared, 'ok');
      } else if (response.status === 400 && problem.errors) {
        show(question, fill(text.textInvalid, fields.ruleOf(question) || firstError(problem)), 'error');
      } else if (response.status === 409) {
        show(question, text.textLocked, 'error');
      } else if (response.status === 400 || response.status === 401 || response.status === 403) {
        show(question, text.textExpired, 'error');
      } else {
        show(question, text.textFailed, 'error');
      }
    });
  }

  /* A message the server rendered after a refused form post no longer applies once the answer is saved. */
  function clearServerError(question) {
    var errorId = 'e-' + question.dataset.question;
    var error = document.getElementById(errorId);
    if (!error) {
      return;
    }
    error.remove();
    question.classList.remove('audit-question--invalid');
    Array.prototype.forEach.call(question.querySelectorAll('[aria-describedby]'), function (element) {
      var ids = element.getAttribute('aria-describedby').split(' ').filter(function (id) { return id !== errorId; });
      if (ids.length) {
        element.setAttribute('aria-describedby', ids.join(' '));
      } else {
        element.removeAttribute('aria-describedby');
      }
    });
    Array.prototype.forEach.call(question.querySelectorAll('[aria-invalid]'), function (element) { element.removeAttribute('aria-invalid'); });
  }

  function firstError(problem) {
    var messages = Object.keys(problem.errors).map(function (k) { return problem.errors[k]; });
    return [].concat.apply([], messages)[0] || problem.detail || '';
  }

  /* A colleague saved first: show their answer and let the person choose. Until then the stale version stays, so nothing is overwritten. */
  function conflict(question, current) {
    removeChoice(question);
    show(question, text.textConflict + ' ' + (current ? fill(text.textTheirValue, fields.describe(question, current.value)) : text.textTheirEmpty), 'conflict');
    var choice = document.createElement('div');
    choice.className = 'audit-conflict';
    choice.appendChild(button(text.textTakeTheirs, function () {
      fields.apply(question, current ? current.value : null, current ? current.comment : null);
      versionField(question).value = current ? String(current.version) : '';
      removeChoice(question);
      show(question, text.textSaved, 'ok');
    }));
    choice.appendChild(button(text.textKeepMine, function () {
      versionField(question).value = current ? String(current.version) : '';
      removeChoice(question);
      save(question);
    }));
    document.getElementById('s-' + question.dataset.question).insertAdjacentElement('afterend', choice);
  }

  function button(label, action) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'utrecht-button utrecht-button--secondary-action audit-button--small';
    b.textContent = label;
    b.addEventListener('click', action);
    return b;
  }

  function removeChoice(question) {
    Array.prototype.forEach.call(question.querySelectorAll('.audit-conflict'), function (c) { c.remove(); });
  }
})();
