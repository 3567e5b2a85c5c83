/* An album's pictures, large, one at a time: a <dialog> over the page, with the previous and next
   picture by button or arrow key and Escape to close. Without this script each thumbnail is a
   link to the large picture, so nothing is lost. */
;(() => {
  const list = document.querySelector("[data-lightbox]")
  if (!list || typeof HTMLDialogElement !== "function") return
  const links = Array.from(list.querySelectorAll("a.album-picture__link"))
  if (!links.length) return

  const dialog = document.createElement("dialog")
  dialog.className = "lightbox"
  dialog.setAttribute("aria-label", "Xem ảnh lớn")
  const figure = document.createElement("figure")
  figure.className = "lightbox__figure"
  const image = document.createElement("img")
  const caption = document.createElement("figcaption")
  figure.append(image, caption)

  function button(text, className, action) {
    const element = document.createElement("button")
    element.type = "button"
    element.className = `lightbox__button ${className}`
    element.textContent = text
    element.addEventListener("click", action)
    return element
  }
  const close = button("Đóng ✕", "lightbox__close", () => dialog.close())
  const previous = button("‹ Ảnh trước", "lightbox__prev", () => show(current - 1))
  const next = button("Ảnh sau ›", "lightbox__next", () => show(current + 1))
  dialog.append(figure, previous, next, close)
  document.body.append(dialog)

  let current = 0
  function show(index) {
    current = (index + links.length) % links.length
    const link = links[current]
    const thumbnail = link.querySelector("img")
    image.src = link.href
    image.alt = thumbnail ? thumbnail.alt : ""
    const text = link.closest("figure").querySelector("figcaption")
    caption.textContent = `${current + 1}/${links.length}${text ? ` · ${text.textContent.trim()}` : ""}`
  }

  links.forEach((link, index) => {
    link.addEventListener("click", (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return
      event.preventDefault()
      show(index)
      dialog.showModal()
      close.focus()
    })
  })
  dialog.addEventListener("keydown", (event) => {
    if (event.key === "ArrowLeft") show(current - 1)
    else if (event.key === "ArrowRight") show(current + 1)
  })
  // Back where the reader was: the thumbnail of the picture last shown.
  dialog.addEventListener("close", () => links[current].focus())
})()
