/* Sends Django's CSRF token with every CKEditor upload: drag and drop, paste and the image dialog
   all upload through CKEditor's fileTools XHR, whose "fileUploadRequest" event comes after the
   request is opened (priority 5) and before it is sent (priority 999). */
;(() => {
  function csrfToken() {
    const input = document.querySelector("input[name=csrfmiddlewaretoken]")
    return input ? input.value : ""
  }

  function addToken(event) {
    event.data.fileLoader.xhr.setRequestHeader("X-CSRFToken", csrfToken())
  }

  function watch(editor) {
    if (!editor.portalCsrf) {
      editor.portalCsrf = true
      editor.on("fileUploadRequest", addToken)
    }
  }

  function listen() {
    if (!window.CKEDITOR) {
      setTimeout(listen, 50)
      return
    }
    // Editors made before this script ran, and those made after.
    Object.values(window.CKEDITOR.instances).forEach(watch)
    window.CKEDITOR.on("instanceCreated", (created) => watch(created.editor))
  }

  listen()
})()
