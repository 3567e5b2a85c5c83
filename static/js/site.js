/* Progressive enhancements; every page reads and navigates the same without them. */
(function () {
  "use strict";

  // The category menu: a <details> that folds on phones and stays open on wide screens.
  var nav = document.querySelector("[data-site-nav]");
  if (nav && window.matchMedia) {
    var wide = window.matchMedia("(min-width: 48em)");
    var follow = function () { nav.open = wide.matches; };
    follow();
    if (wide.addEventListener) { wide.addEventListener("change", follow); }
  }

  // A wide table scrolls inside the article: let keyboard users reach and scroll it too.
  document.querySelectorAll(".article__body table").forEach(function (table) {
    if (table.scrollWidth > table.clientWidth) {
      table.setAttribute("tabindex", "0");
    }
  });

  function announce(button, message) {
    var box = button.closest(".share");
    var status = box && box.querySelector("[data-share-status]");
    if (status) { status.textContent = message; }
  }

  function copyWithSelection(text) {
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.className = "visually-hidden";
    document.body.appendChild(field);
    field.select();
    var done = false;
    try { done = document.execCommand("copy"); } catch (e) { done = false; }
    document.body.removeChild(field);
    return done;
  }

  document.querySelectorAll("[data-copy-link]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var url = button.getAttribute("data-copy-link");
      var ok = function () { announce(button, "Đã sao chép liên kết bài viết."); };
      var fail = function () {
        if (copyWithSelection(url)) { ok(); return; }
        announce(button, "Không sao chép được. Liên kết: " + url);
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(url).then(ok, fail);
      } else {
        fail();
      }
    });
  });

  if (typeof window.print === "function") {
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  // Most read: one count per article per tab session, sent once the page is shown. The page
  // itself is the same for every reader, so it can be cached anywhere.
  var read = document.querySelector("[data-view-beacon]");
  if (read) {
    var url = read.getAttribute("data-view-beacon");
    var seen = "portal-read:" + url;
    var already = false;
    try { already = window.sessionStorage.getItem(seen) === "1"; } catch (e) { already = false; }
    if (!already) {
      var sent = false;
      if (navigator.sendBeacon) { sent = navigator.sendBeacon(url); }
      if (!sent && window.fetch) {
        fetch(url, { method: "POST", credentials: "same-origin", keepalive: true });
      }
      try { window.sessionStorage.setItem(seen, "1"); } catch (e) { /* private mode */ }
    }
  }
})();
