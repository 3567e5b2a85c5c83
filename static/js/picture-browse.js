/* The library window opened by the image dialog's "Chọn trong thư viện" button (CKEditor 4's
   file-browser protocol): a click on a picture gives its URL to the dialog's URL field through
   CKEDITOR.tools.callFunction(CKEditorFuncNum, url, fn), where fn fills the dialog's description
   (alt) with the library's own, and closes the window. The body then shows the library's file. */
;(() => {
  const NOT_FROM_EDITOR =
    "Trang này dùng để chọn ảnh từ hộp thoại Ảnh của trình soạn thảo: hãy mở bài viết, bấm nút Ảnh rồi “Chọn trong thư viện”."

  function pick(button, editor, funcNum) {
    const alt = button.dataset.pictureAlt || ""
    editor.tools.callFunction(funcNum, button.dataset.pictureUrl, function () {
      const dialog = this.getDialog()
      const field = dialog && dialog.getContentElement("info", "alt")
      // The description of the picture chosen before no longer fits: take the library's.
      if (field) field.setValue(alt)
    })
    window.close()
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-picture-url]")
    if (!button) return
    const list = button.closest("[data-func-num]")
    const funcNum = Number(list && list.dataset.funcNum)
    let editor = null
    try {
      editor = window.opener && window.opener.CKEDITOR
    } catch (_error) {
      // an opener of another origin: not our editor
    }
    if (!editor || !funcNum) {
      document.getElementById("picture-browse-status").textContent = NOT_FROM_EDITOR
      return
    }
    pick(button, editor, funcNum)
  })
})()
