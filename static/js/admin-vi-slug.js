// Django's URLify drops Vietnamese vowels with tone marks and turns "đ" into "dj".
// Strip the marks first (NFD + remove combining marks, đ -> d), then hand over to Django.
(function () {
  "use strict";
  var djangoURLify = window.URLify;
  if (typeof djangoURLify !== "function") {
    return;
  }
  function stripVietnamese(text) {
    return text
      .replace(/đ/g, "d")
      .replace(/Đ/g, "D")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "");
  }
  window.URLify = function (text, numChars, allowUnicode) {
    return djangoURLify(stripVietnamese(String(text)), numChars, allowUnicode);
  };
})();
