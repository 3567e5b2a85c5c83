/* The article form's tick (news/autosave.py): every ARTICLE_AUTOSAVE_SECONDS its text goes to
   the person's own autosave, and the answer says who else has the article open. An autosave
   newer than the article is offered back with one click. */
(function () {
  "use strict";

  function ready(fn) {
    if (document.readyState !== "loading") fn();
    else document.addEventListener("DOMContentLoaded", fn);
  }

  function editor(name) {
    var instances = window.CKEDITOR && window.CKEDITOR.instances;
    return instances ? instances["id_" + name] : null;
  }

  ready(function () {
    var config = document.getElementById("autosave-config");
    var form = document.getElementById("article_form");
    if (!config || !form) return;
    var settings = JSON.parse(config.textContent);
    var status = document.getElementById("autosave-status");
    var presence = document.getElementById("presence-notice");

    function csrf() {
      var input = form.querySelector("input[name=csrfmiddlewaretoken]");
      return input ? input.value : "";
    }

    function collect() {
      var data = new FormData();
      settings.fields.forEach(function (name) {
        var rich = editor(name);
        var element = form.elements[name];
        if (rich) data.append(name, rich.getData());
        else if (element) data.append(name, element.value);
      });
      return data;
    }

    function tick() {
      fetch(settings.url, {
        method: "POST",
        body: collect(),
        headers: { "X-CSRFToken": csrf() },
        credentials: "same-origin",
        redirect: "manual",
      })
        .then(function (response) {
          if (!response.ok) throw new Error(String(response.status));
          return response.json();
        })
        .then(function (answer) {
          status.textContent = "Đã tự lưu bản nháp của bạn lúc " + answer.saved_at + ".";
          presence.textContent = answer.others.join(". ");
          presence.hidden = answer.others.length === 0;
        })
        .catch(function () {
          status.textContent =
            "Chưa tự lưu được (phiên đăng nhập có thể đã hết). Đừng đóng trang: nội dung vẫn còn đây.";
        });
    }
    window.setInterval(tick, settings.interval * 1000);

    var restore = document.getElementById("autosave-restore");
    if (restore) {
      restore.addEventListener("click", function () {
        var data = JSON.parse(document.getElementById("autosave-data").textContent);
        Object.keys(data).forEach(function (name) {
          var rich = editor(name);
          var element = form.elements[name];
          if (rich) rich.setData(data[name]);
          else if (element) element.value = data[name];
        });
        document.getElementById("autosave-offer").hidden = true;
        status.textContent = "Đã đưa bản tự lưu vào biểu mẫu. Bấm Lưu để giữ lại.";
      });
      document.getElementById("autosave-dismiss").addEventListener("click", function () {
        document.getElementById("autosave-offer").hidden = true;
      });
    }
  });
})();
