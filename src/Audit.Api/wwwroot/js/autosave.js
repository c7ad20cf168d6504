/*
 * Autosave on the theme page (templates/pages/theme): each answer is saved through the API as soon as it changes
 * (debounced), with PUT /api/v1/participations/{id}/answers/{key} and If-Match naming the version the page holds
 * (the hidden v:key field, which the form post uses too). An emptied answer is a DELETE. The status line at the
 * question (aria-live) says "nog niet opgeslagen" while a change waits, "opgeslagen", the validation error, or that a
 * colleague changed the answer meanwhile (412/428), with the colleague's answer and the choice to take it or keep one's
 * own. A change still waiting when the page is left is sent at once (pagehide, keepalive).
 * The session cookie alone is not enough for the API: the antiforgery token goes in the header the form names.
 */
(function () {
  'use strict';

  var form = document.getElementById('theme-form');
  if (!form || !form.dataset.autosave || !window.fetch) {
    return;
  }
  var text = form.dataset;
  var tokenField = form.querySelector('input[data-antiforgery]');
  var states = {};

  Array.prototype.forEach.call(document.querySelectorAll('[data-no-script-note]'), function (note) { note.hidden = true; });
  Array.prototype.forEach.call(document.querySelectorAll('[data-autosave-note]'), function (note) { note.hidden = false; });

  function fill(pattern) {
    var values = Array.prototype.slice.call(arguments, 1);
    return pattern.replace(/\{(\d+)\}/g, function (match, index) {
      return index < values.length ? String(values[index]) : match;
    });
  }

  function state(key) {
    return states[key] || (states[key] = { timer: null, busy: false, again: false });
  }

  function versionField(question) {
    return question.querySelector('input[data-version]');
  }

  function ownFields(question, selector) {
    return Array.prototype.filter.call(question.querySelectorAll(selector), function (field) { return field.form === form; });
  }

  function show(question, message, kind) {
    var status = document.getElementById('s-' + question.dataset.question);
    status.textContent = message;
    status.className = 'audit-autosave' + (kind ? ' audit-autosave--' + kind : '');
  }

  /* The answer as the API wants it: { value }, { empty: true }, or { error } for what cannot be sent. */
  function valueOf(question) {
    var type = question.dataset.type;
    if (type === 'yes_no' || type === 'single_choice' || type === 'maturity') {
      var checked = ownFields(question, 'input[type=radio]:checked')[0];
      if (!checked) {
        return { empty: true };
      }
      return { value: type === 'maturity' && checked.value !== 'not_applicable' ? Number(checked.value) : checked.value };
    }
    if (type === 'multi_choice') {
      var keys = ownFields(question, 'input[type=checkbox]:checked').map(function (box) { return box.value; });
      return keys.length ? { value: keys } : { empty: true };
    }
    if (type === 'number') {
      var typed = ownFields(question, 'input.audit-number')[0].value.trim().replace(',', '.');
      if (typed === '') {
        return { empty: true };
      }
      return /^-?\d+(\.\d+)?$/.test(typed) ? { value: Number(typed) } : { error: text.textNotANumber };
    }
    if (type === 'grid') {
      var prefix = 'a:' + question.dataset.question + ':';
      var grid = {};
      var filled = false;
      var bad = false;
      ownFields(question, 'input.audit-grid__input').forEach(function (cell) {
        var count = cell.value.trim();
        if (count === '') {
          return;
        }
        if (!/^\d+$/.test(count)) {
          bad = true;
          return;
        }
        var at = cell.name.slice(prefix.length).split(':');
        grid[at[0]] = grid[at[0]] || {};
        grid[at[0]][at[1]] = Number(count);
        filled = true;
      });
      return bad ? { error: text.textNotANumber } : filled ? { value: grid } : { empty: true };
    }
    var written = ownFields(question, 'textarea')[0].value;
    return written.trim() === '' ? { empty: true } : { value: written };
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
    var answer = valueOf(question);
    if (answer.error) {
      show(question, fill(text.textInvalid, answer.error), 'error');
      return;
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
      if (question.dataset.comment) {
        body.comment = question.dataset.comment; // the API replaces the comment; keep the one made elsewhere
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
        show(question, fill(text.textInvalid, rule(question) || firstError(problem)), 'error');
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

  /* The question's own rule in the page's language (its hint), rather than the API's English message. */
  function rule(question) {
    var hint = document.getElementById('h-' + question.dataset.question);
    var last = hint && hint.lastElementChild;
    return last ? last.textContent.trim() : '';
  }

  function firstError(problem) {
    var messages = Object.keys(problem.errors).map(function (k) { return problem.errors[k]; });
    return [].concat.apply([], messages)[0] || problem.detail || '';
  }

  /* A colleague saved first: show their answer and let the person choose. Until then the stale version stays, so nothing is overwritten. */
  function conflict(question, current) {
    removeChoice(question);
    show(question, text.textConflict + ' ' + (current ? fill(text.textTheirValue, describe(question, current.value)) : text.textTheirEmpty), 'conflict');
    var choice = document.createElement('div');
    choice.className = 'audit-conflict';
    choice.appendChild(button(text.textTakeTheirs, function () {
      apply(question, current ? current.value : null);
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

  function labelOf(question, value) {
    var field = ownFields(question, 'input[type=radio], input[type=checkbox]').filter(function (f) { return f.value === String(value); })[0];
    var label = field && document.querySelector('label[for="' + field.id + '"]');
    return label ? label.textContent.trim() : String(value);
  }

  function localNumber(value) {
    return document.documentElement.lang === 'nl' ? String(value).replace('.', ',') : String(value);
  }

  function describe(question, value) {
    var type = question.dataset.type;
    if (Array.isArray(value)) {
      return value.map(function (v) { return labelOf(question, v); }).join(', ');
    }
    if (type === 'grid' && value && typeof value === 'object') {
      return ownFields(question, 'input.audit-grid__input').map(function (cell) {
        var at = cell.name.split(':').slice(-2);
        var count = value[at[0]] && value[at[0]][at[1]];
        var names = cell.getAttribute('aria-labelledby').split(' ').map(function (id) { return document.getElementById(id).textContent.trim(); });
        return count ? names.join(', ') + ': ' + count : null;
      }).filter(Boolean).join('; ');
    }
    if (type === 'number') {
      return localNumber(value);
    }
    return type === 'text' ? String(value) : labelOf(question, value);
  }

  /* Puts an answer from the API into the controls (null clears them). */
  function apply(question, value) {
    ownFields(question, 'input[type=radio], input[type=checkbox]').forEach(function (f) {
      f.checked = Array.isArray(value) ? value.indexOf(f.value) >= 0 : value !== null && f.value === String(value);
    });
    ownFields(question, 'input.audit-number').forEach(function (f) { f.value = value === null ? '' : localNumber(value); });
    ownFields(question, 'textarea').forEach(function (f) { f.value = value === null ? '' : String(value); });
    ownFields(question, 'input.audit-grid__input').forEach(function (cell) {
      var at = cell.name.split(':').slice(-2);
      var count = value && value[at[0]] && value[at[0]][at[1]];
      cell.value = count === undefined || count === null ? '' : String(count);
    });
    form.dispatchEvent(new Event('questionnaire:refresh'));
  }
})();
