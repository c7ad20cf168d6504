/*
 * Text boxes (textarea[data-grow]) grow with what is typed, so a long answer is read whole rather than scrolled
 * inside a small box. Where the browser can size a field to its content (CSS field-sizing), the class audit-grow
 * turns that on (see css/respondent-questions.css); elsewhere the height follows the content on every input.
 * Without script the boxes keep their rows and wrap (utrecht-textarea), which is enough to type in.
 */
(function () {
  'use strict';

  var boxes = Array.prototype.slice.call(document.querySelectorAll('textarea[data-grow]'));
  var native = window.CSS && window.CSS.supports && window.CSS.supports('field-sizing', 'content');

  function fit(box) {
    box.style.height = 'auto';
    box.style.height = box.scrollHeight + (box.offsetHeight - box.clientHeight) + 'px';
  }

  boxes.forEach(function (box) {
    box.classList.add('audit-grow');
    if (native) {
      return;
    }
    fit(box);
    box.addEventListener('input', function () { fit(box); });
  });

  /* A closed disclosure has no height to measure; fit its boxes when it opens. */
  if (!native) {
    Array.prototype.forEach.call(document.querySelectorAll('details'), function (details) {
      details.addEventListener('toggle', function () {
        Array.prototype.forEach.call(details.querySelectorAll('textarea[data-grow]'), fit);
      });
    });
  }
})();
