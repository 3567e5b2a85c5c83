/* Pictures in the body, as news/sanitize.py stores them, so staff see what will be published:
   - a caption is typed or absent: an empty caption, or one still holding image2's placeholder,
     is dropped from getData(), and the figure becomes the plain picture with its alignment;
   - the image dialog refuses OK without a description for people who cannot see the picture;
   - pictures pasted from Word or other sites (file:, cid:, http(s) elsewhere) cannot be stored:
     they are removed on paste, with a notice; data: pictures are uploaded by uploadimage;
   - align="" and style="text-align" from Word or other sites become the alignment classes. */
;(() => {
  const ALT_REQUIRED =
    "Hãy mô tả ảnh cho người không xem được ảnh (ví dụ: “Đoàn viên nhận quà tại hội trường”)."
  const REMOVED = "Đã bỏ %1 ảnh dán từ Word hoặc trang khác: ảnh phải được tải lên trang này. " +
    "Lưu ảnh về máy, rồi bấm nút Ảnh, thẻ “Tải lên”."
  const TEXT_ALIGN = { center: "text-center", right: "text-right", justify: "text-justify" }
  const ALIGNABLE = new Set(["p", "h2", "h3", "h4"])

  function placeholders(editor) {
    const known = (editor.config.portalCaptionPlaceholders || []).concat(
      (editor.lang.image2 && editor.lang.image2.captionPlaceholder) || [],
    )
    return new Set(known.map((text) => text.trim().toLowerCase()))
  }

  const parser = new DOMParser() // an inert document: nothing in it runs or loads

  function textOf(element) {
    // By now the entities plugin has written "ú" as "&uacute;": read the text as a browser does.
    const text = parser.parseFromString(element.getHtml(), "text/html").body.textContent
    return text.replace(/\u00a0/g, " ").trim()
  }

  function classes(element) {
    return (element.attributes.class || "").split(/\s+/).filter(Boolean)
  }

  // getData(): a figure without a typed caption is written as image2 writes a plain picture.
  function dropEmptyCaption(figure, empty) {
    if (!classes(figure).includes("article-figure")) return
    const caption = figure.children.find((node) => node.name === "figcaption")
    if (!caption || !empty.has(textOf(caption).toLowerCase())) return
    caption.remove()
    const rest = figure.children.filter(
      (node) => node.type === CKEDITOR.NODE_ELEMENT || node.value.trim(),
    )
    if (rest.length !== 1) return
    const picture = rest[0]
    const image = picture.name === "img" ? picture : picture.children[0]
    if (!image || image.name !== "img") return
    const align = classes(figure).find((name) => /^align-(left|center|right)$/.test(name))
    const paragraph = new CKEDITOR.htmlParser.element("p", {})
    if (align === "align-center") paragraph.attributes.class = "align-center"
    else if (align) image.attributes.class = align
    figure.replaceWith(paragraph)
    picture.remove()
    paragraph.add(picture)
  }

  function onSite(src) {
    // As the server reads it: whitespace and control characters ignored, "\" read as "/".
    const seen = src.replace(/[\x00-\x20\x7f]+/g, "").replace(/\\/g, "/")
    return seen.startsWith("/") && !seen.startsWith("//")
  }

  function sameSitePath(src) {
    try {
      const url = new URL(src, window.location.href)
      if (url.origin === window.location.origin) return url.pathname + url.search
    } catch (_error) {
      // not a URL: left to onSite()
    }
    return src
  }

  function alignAsClass(element) {
    const style = element.attributes.style || ""
    const found = /text-align\s*:\s*([a-z]+)/i.exec(style)
    const align = (found ? found[1] : element.attributes.align || "").toLowerCase()
    if (!TEXT_ALIGN[align]) return
    const names = classes(element)
    if (!names.includes(TEXT_ALIGN[align])) names.push(TEXT_ALIGN[align])
    element.attributes.class = names.join(" ")
  }

  function isEmptyWrapper(element) {
    return (
      ["p", "a", "h2", "h3", "h4", "li", "figure", "span"].includes(element.name) &&
      !textOf(element) &&
      !element.find("img", true).length
    )
  }

  // paste: runs after pastefromword and uploadimage (priority 10), before insertion (1000).
  function cleanPaste(event) {
    const data = event.data
    if (!data.dataValue || typeof data.dataValue !== "string") return
    const fragment = CKEDITOR.htmlParser.fragment.fromHtml(data.dataValue)
    const elements = []
    fragment.forEach((element) => {
      elements.push(element)
    }, CKEDITOR.NODE_ELEMENT)
    let removed = 0
    elements.forEach((element) => {
      if (ALIGNABLE.has(element.name)) alignAsClass(element)
      if (element.name !== "img" || "data-cke-upload-id" in element.attributes) return
      const src = sameSitePath(element.attributes.src || "")
      if (onSite(src)) {
        element.attributes.src = src
        return
      }
      removed += 1
      let gone = element
      while (gone.parent && gone.parent.type === CKEDITOR.NODE_ELEMENT) {
        const parent = gone.parent
        gone.remove()
        if (!isEmptyWrapper(parent)) return
        gone = parent
      }
      gone.remove()
    })
    if (!removed) return
    const writer = new CKEDITOR.htmlParser.basicWriter()
    fragment.writeHtml(writer)
    data.dataValue = writer.getHtml()
    event.editor.showNotification(REMOVED.replace("%1", removed), "warning")
  }

  function watch(editor) {
    if (editor.portalImages) return
    editor.portalImages = true
    editor.on("paste", cleanPaste, null, null, 999)
    editor.on("instanceReady", () => {
      const empty = placeholders(editor)
      empty.add("")
      // After the widgets are written back (toDataFormat 13), before the string (15).
      editor.on(
        "toDataFormat",
        (event) => {
          const figures = []
          event.data.dataValue.forEach((node) => {
            if (node.name === "figure") figures.push(node)
          }, CKEDITOR.NODE_ELEMENT)
          figures.forEach((figure) => dropEmptyCaption(figure, empty))
        },
        null,
        null,
        14,
      )
    })
  }

  function listen() {
    if (!window.CKEDITOR) {
      setTimeout(listen, 50)
      return
    }
    Object.values(window.CKEDITOR.instances).forEach(watch)
    window.CKEDITOR.on("instanceCreated", (created) => watch(created.editor))
    window.CKEDITOR.on("dialogDefinition", (event) => {
      if (event.data.name !== "image2") return
      const alt = event.data.definition.getContents("info").get("alt")
      alt.validate = function () {
        return this.getValue().trim() ? true : ALT_REQUIRED
      }
    })
  }

  listen()
})()
