// Footprint: the consultation respond form's enhancement. Without it every question shows, each
// conditional one with a hint saying when to answer it; with it, a conditional question shows
// only while the earlier answer it depends on is given. The server drops answers to hidden questions.
(function () {
  'use strict';
  var form = document.querySelector('.fp-respond-form');
  if (!form) return;
  var conditional = form.querySelectorAll('[data-show-if-question]');
  function answersTo(question) {
    var chosen = [];
    var inputs = form.querySelectorAll('input[name="answers.' + question + '"]');
    for (var i = 0; i < inputs.length; i++) if (inputs[i].checked) chosen.push(inputs[i].value);
    return chosen;
  }
  function update() {
    for (var i = 0; i < conditional.length; i++) {
      var block = conditional[i];
      var wanted = block.getAttribute('data-show-if-any').split(' ');
      var given = answersTo(block.getAttribute('data-show-if-question'));
      var shown = given.some(function (v) { return wanted.indexOf(v) >= 0; });
      block.hidden = !shown;
      var hint = block.querySelector('.fp-question__condition');
      if (hint) hint.hidden = true;
    }
  }
  form.addEventListener('change', update);
  update();
})();
