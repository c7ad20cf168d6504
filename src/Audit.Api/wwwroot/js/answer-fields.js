/*
 * The answer fields of one question on the theme page (templates/pages/respondent/_question), read and written as the
 * answers API speaks: used by autosave.js. Reading checks what the server would refuse in the words the page gives
 * (a number question's own rule, rendered as data-text-rule with its data-integer/min/max), so the person hears the
 * same message with script as without. The comment ("Toelichting") is a textarea marked data-comment, the typed answer
 * of a text question the textarea with class audit-textarea.
 */
(function () {
  'use strict';

  function fill(pattern) {
    var values = Array.prototype.slice.call(arguments, 1);
    return pattern.replace(/\{(\d+)\}/g, function (match, index) {
      return index < values.length ? String(values[index]) : match;
    });
  }

  function create(form) {
    var text = form.dataset;

    /* The question's own fields: not the evidence file field, which belongs to its upload form. */
    function ownFields(question, selector) {
      return Array.prototype.filter.call(question.querySelectorAll(selector), function (field) { return field.form === form; });
    }

    function numberOf(question) {
      var input = ownFields(question, 'input.audit-number')[0];
      var typed = input.value.trim().replace(',', '.');
      if (typed === '') {
        return { empty: true };
      }
      var number = Number(typed);
      var fits = /^-?\d+(\.\d+)?$/.test(typed)
        && (input.dataset.integer !== 'true' || number % 1 === 0)
        && (input.dataset.min === undefined || number >= Number(input.dataset.min))
        && (input.dataset.max === undefined || number <= Number(input.dataset.max));
      return fits ? { value: number } : { error: input.dataset.textRule || text.textNotANumber };
    }

    function gridOf(question) {
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
      return bad ? { error: text.textGridCell || text.textNotANumber } : filled ? { value: grid } : { empty: true };
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
        return numberOf(question);
      }
      if (type === 'grid') {
        return gridOf(question);
      }
      var written = ownFields(question, 'textarea.audit-textarea')[0].value;
      return written.trim() === '' ? { empty: true } : { value: written };
    }

    /* The typed comment, or null when there is none (the API then stores none). */
    function commentOf(question) {
      var field = ownFields(question, 'textarea[data-comment]')[0];
      return field && field.value.trim() !== '' ? field.value : null;
    }

    /* What the server would say about a refused value: a number question's own rule, else its hint's last line. */
    function ruleOf(question) {
      var number = ownFields(question, 'input.audit-number')[0];
      if (number && number.dataset.textRule) {
        return number.dataset.textRule;
      }
      var hint = document.getElementById('h-' + question.dataset.question);
      var last = hint && hint.lastElementChild;
      return last ? last.textContent.trim() : '';
    }

    function labelOf(question, value) {
      var field = ownFields(question, 'input[type=radio], input[type=checkbox]').filter(function (f) { return f.value === String(value); })[0];
      var label = field && document.querySelector('label[for="' + field.id + '"]');
      return label ? label.textContent.trim() : String(value);
    }

    function localNumber(value) {
      return document.documentElement.lang === 'nl' ? String(value).replace('.', ',') : String(value);
    }

    /* An answer from the API in words, for the conflict message. */
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

    /* Puts an answer from the API into the controls (null clears them), with its comment. */
    function apply(question, value, comment) {
      ownFields(question, 'input[type=radio], input[type=checkbox]').forEach(function (f) {
        f.checked = Array.isArray(value) ? value.indexOf(f.value) >= 0 : value !== null && f.value === String(value);
      });
      ownFields(question, 'input.audit-number').forEach(function (f) { f.value = value === null ? '' : localNumber(value); });
      ownFields(question, 'textarea.audit-textarea').forEach(function (f) { f.value = value === null ? '' : String(value); });
      ownFields(question, 'textarea[data-comment]').forEach(function (f) { f.value = comment || ''; });
      ownFields(question, 'input.audit-grid__input').forEach(function (cell) {
        var at = cell.name.split(':').slice(-2);
        var count = value && value[at[0]] && value[at[0]][at[1]];
        cell.value = count === undefined || count === null ? '' : String(count);
      });
      form.dispatchEvent(new Event('questionnaire:refresh'));
    }

    return { ownFields: ownFields, valueOf: valueOf, commentOf: commentOf, ruleOf: ruleOf, describe: describe, apply: apply };
  }

  window.AuditAnswerFields = { create: create, fill: fill };
})();
