(function () {
  "use strict";
  // The lesson was computed when the page was built; this script only moves between its
  // cards and keeps the student's answers in the page. It makes no request.
  var data = JSON.parse(document.getElementById("lesson-data").textContent);
  var root = document.documentElement;
  root.classList.add("js");
  var cards = Array.prototype.slice.call(document.querySelectorAll(".card"));
  var back = document.getElementById("back");
  var next = document.getElementById("next");
  var progress = document.getElementById("progress");
  var answers = {};
  var role = null;
  var at = 0;
  var ui = data.ui;
  var byId = {};
  data.decisions.forEach(function (d) { byId[d.id] = d; });

  function mine(card) { return card.dataset.role === role; }

  function decided(card) {
    return card.dataset.kind !== "decision" || card.dataset.done === "yes";
  }

  function show(index, focus) {
    cards[at].classList.remove("current");
    at = index;
    var card = cards[at];
    card.classList.add("current");
    back.disabled = at === 0;
    next.disabled = at === cards.length - 1 || (at === 0 && !role) || !decided(card);
    next.textContent = at === cards.length - 2 ? ui.last : ui.next;
    progress.textContent = ui.page.replace("{at}", at + 1).replace("{count}", cards.length);
    if (card.id === "summary") { fillSummary(); }
    if (focus !== false) {
      var heading = card.querySelector("h2");
      heading.setAttribute("tabindex", "-1");
      heading.focus();
      window.scrollTo(0, 0);
    }
  }

  function prepare(card) {
    var own = mine(card);
    card.querySelector(".watch-note").hidden = own;
    card.querySelector(".mine-only").hidden = !own;
    card.querySelector(".decide").textContent = own ? ui.decide : ui.see;
    card.querySelector("legend").textContent = own ? ui.mine : ui.guess;
  }

  document.querySelectorAll("input[name=role]").forEach(function (input) {
    input.addEventListener("change", function () {
      role = input.value;
      document.getElementById("role-shown").textContent = data.role_names[role];
      cards.forEach(function (card) { if (card.dataset.kind === "decision") { prepare(card); } });
      next.disabled = false;
    });
  });

  document.querySelectorAll(".card.decision").forEach(function (card) {
    var button = card.querySelector(".decide");
    var error = card.querySelector(".error");
    button.addEventListener("click", function () {
      var picked = card.querySelector("input[type=radio]:checked");
      var reason = card.querySelector("textarea").value.trim();
      if (mine(card)) {
        if (!picked) { error.textContent = ui.pick; return; }
        if (!enough(reason)) {
          error.textContent = ui.reason;
          card.querySelector("textarea").focus();
          return;
        }
      }
      error.textContent = "";
      answers[card.id] = { choice: picked ? picked.value : "", reason: reason, own: mine(card) };
      card.querySelectorAll("input, textarea").forEach(function (el) { el.disabled = true; });
      button.hidden = true;
      card.dataset.done = "yes";
      card.querySelectorAll(".path").forEach(function (path) {
        var badge = path.querySelector(".badge.mine");
        badge.hidden = !(picked && path.dataset.choice === picked.value);
      });
      var reveal = card.querySelector(".reveal");
      reveal.hidden = false;
      var heading = reveal.querySelector("h3");
      heading.setAttribute("tabindex", "-1");
      heading.focus();
      next.disabled = false;
    });
  });

  function enough(reason) {
    // Three words; in Chinese, which has no spaces between words, six characters.
    if (ui.short === "zh") { return reason.replace(/\s+/g, "").length >= 6; }
    return reason.split(/\s+/).filter(Boolean).length >= 3;
  }

  var labels = Array.prototype.map.call(
    document.querySelectorAll("#summary thead th"), function (th) { return th.textContent; });

  function cell(row, text, cls) {
    var td = document.createElement("td");
    td.textContent = text;
    td.setAttribute("data-label", labels[row.children.length] + ui.colon);
    if (cls) { td.className = cls; }
    row.appendChild(td);
  }

  function fillSummary() {
    document.getElementById("sum-role").textContent = role ? data.role_names[role] : "";
    document.getElementById("sum-name").textContent =
      document.getElementById("student-name").value.trim() || ui.noname;
    var body = document.getElementById("sum-rows");
    body.textContent = "";
    var agreed = 0;
    var count = 0;
    data.decisions.forEach(function (d) {
      if (d.role !== role) { return; }
      var answer = answers[d.id] || { choice: "", reason: "" };
      var choice = d.choices.filter(function (c) { return c.id === answer.choice; })[0];
      var real = d.choices.filter(function (c) { return c.real; })[0];
      var row = document.createElement("tr");
      cell(row, d.date);
      cell(row, d.question);
      cell(row, choice ? choice.label : ui.undecided);
      cell(row, answer.reason || "", "reason");
      cell(row, real.label);
      body.appendChild(row);
      count += 1;
      if (choice && choice.real) { agreed += 1; }
    });
    document.getElementById("sum-score").textContent =
      ui.score.replace("{agreed}", agreed).replace("{count}", count);
  }

  back.addEventListener("click", function () { if (at > 0) { show(at - 1); } });
  next.addEventListener("click", function () { if (at < cards.length - 1) { show(at + 1); } });
  document.getElementById("print").addEventListener("click", function () { window.print(); });
  window.addEventListener("beforeprint", fillSummary);
  show(0, false);
})();
