/*
 * The theme page (templates/pages/theme): conditional questions and character counters.
 * Without this script the server decides: a hidden question arrives hidden with its fields disabled (so it posts
 * nothing), and the posted form is judged again on the server. With it, a question appears or disappears as soon as
 * the answer it depends on changes. Conditions only point to earlier questions, so one pass in document order settles
 * a chain. Numbers compare by value ("3" equals "3,0"), everything else as text, like the server's Visibility.
 */
(function () {
  'use strict';

  var form = document.getElementById('theme-form');
  if (!form) {
    return;
  }

  function fill(pattern) {
    var values = Array.prototype.slice.call(arguments, 1);
    return pattern.replace(/\{(\d+)\}/g, function (match, index) {
      return index < values.length ? String(values[index]) : match;
    });
  }

  function asNumber(text) {
    var normalized = String(text).trim().replace(',', '.');
    return /^-?\d+(\.\d+)?$/.test(normalized) ? Number(normalized) : null;
  }

  /* The answer a condition looks at: the chosen radio, or the typed number or text. */
  function scalarValue(question) {
    var checked = question.querySelector('input[type=radio]:checked');
    if (checked) {
      return checked.value;
    }
    var field = question.querySelector('input.audit-number, textarea.audit-textarea');
    return field && field.value.trim() !== '' ? field.value.trim() : null;
  }

  function matches(value, expected) {
    if (value === null) {
      return false;
    }
    if (value === expected) {
      return true;
    }
    var a = asNumber(value);
    var b = asNumber(expected);
    return a !== null && b !== null && a === b;
  }

  /* The question's own fields: not the evidence file field, which belongs to its upload form. */
  function ownFields(question) {
    return Array.prototype.filter.call(question.querySelectorAll('input, textarea'), function (field) {
      return field.form === form;
    });
  }

  function updateVisibility() {
    Array.prototype.forEach.call(form.querySelectorAll('[data-visible-when]'), function (question) {
      var parent = document.getElementById('q-' + question.getAttribute('data-visible-when'));
      var visible = !!parent && !parent.hidden && matches(scalarValue(parent), question.getAttribute('data-visible-equals'));
      if (visible === !question.hidden) {
        return;
      }
      question.hidden = !visible;
      ownFields(question).forEach(function (field) {
        field.disabled = !visible;
      });
    });
  }

  form.addEventListener('change', updateVisibility);
  form.addEventListener('input', updateVisibility);
  form.addEventListener('questionnaire:refresh', updateVisibility);
  updateVisibility();

  /* Counters: the static "at most N characters" becomes "N of M characters left", announced politely once typing pauses. */
  Array.prototype.forEach.call(form.querySelectorAll('[data-counter-for]'), function (counter) {
    var field = document.getElementById(counter.getAttribute('data-counter-for'));
    var max = Number(field && field.getAttribute('maxlength'));
    if (!field || !max) {
      return;
    }
    var timer = null;
    function render() {
      var left = max - field.value.length;
      counter.textContent = left >= 0 ? fill(form.dataset.textCounter, left, max) : fill(form.dataset.textCounterOver, -left);
    }
    render();
    counter.setAttribute('aria-live', 'polite');
    field.addEventListener('input', function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(render, 400);
    });
  });
})();
