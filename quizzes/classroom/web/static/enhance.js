// A little help where scripts run; every page works without it.
"use strict";
(function () {
  // A form is sent once: a second press while the page loads does nothing.
  document.querySelectorAll("form[data-once]").forEach(function (form) {
    form.addEventListener("submit", function () {
      var button = form.querySelector("button[type=submit]");
      if (button) { setTimeout(function () { button.disabled = true; }, 0); }
    });
  });

  // The exam clock counts down each second; the news of the last minutes is read out.
  var timer = document.getElementById("timer");
  if (timer) {
    var deadline = Date.parse(timer.getAttribute("data-deadline"));
    var text = timer.querySelector(".timer-text");
    var news = document.getElementById("timer-news");
    var said = {};
    var tick = function () {
      var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
      var m = Math.floor(left / 60), s = left % 60;
      text.textContent = m + ":" + (s < 10 ? "0" : "") + s;
      [300, 60].forEach(function (mark) {
        if (left <= mark && left > 0 && !said[mark] && news) {
          said[mark] = true;
          news.textContent = (mark / 60) + (mark === 60 ? " minute" : " minutes") + " left.";
        }
      });
      if (left === 0) {
        clearInterval(handle);
        window.location.assign("/results");
      }
    };
    var handle = setInterval(tick, 1000);
    tick();
  }

  // The teacher's live view refreshes itself.
  var live = document.getElementById("live");
  if (live && live.getAttribute("data-src")) {
    var refresh = function () {
      fetch(live.getAttribute("data-src"), { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) { if (html !== null) { live.innerHTML = html; } })
        .catch(function () {});
    };
    setInterval(refresh, 4000);
  }
})();
