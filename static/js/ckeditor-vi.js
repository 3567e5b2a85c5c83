/* Vietnamese for what CKEditor 4's bundled vi language files leave in English ("Heading 2",
   the link dialog's "Display Text" and "Force Download", ...) or say misleadingly (image2's
   "alt" label reads "Chú thích ảnh", which editors take for the caption). Core strings are
   patched when the editor's language has loaded, plugin strings once the plugins have. */
;(() => {
  const CORE = {
    format: {
      tag_p: "Đoạn văn",
      tag_h2: "Tiêu đề mục",
      tag_h3: "Tiêu đề mục nhỏ",
      tag_h4: "Tiêu đề phụ",
      tag_h1: "Tiêu đề lớn",
      tag_h5: "Tiêu đề cấp 5",
      tag_h6: "Tiêu đề cấp 6",
      tag_address: "Địa chỉ",
    },
    link: {
      displayText: "Chữ hiển thị",
      download: "Buộc tải về",
      toUrl: "Đường dẫn",
      toPhone: "Số điện thoại",
      phoneNumber: "Số điện thoại",
      noTel: "Hãy nhập số điện thoại",
    },
    // The image dialog's browse button opens the photo library (picture-browse.js).
    common: { url: "Đường dẫn", browseServer: "Chọn trong thư viện" },
    notification: { closed: "Đã đóng thông báo." },
    toolbar: { toolbarGroups: { clipboard: "Bộ nhớ tạm/Hoàn tác" } },
    clipboard: {
      pasteNotification:
        "Bấm %1 để dán. Trình duyệt không cho dán bằng nút trên thanh công cụ hoặc trình đơn chuột phải.",
      pasteMsg: "Dán nội dung vào ô dưới đây rồi bấm OK.",
      fileFormatNotSupportedNotification: "Không hỗ trợ tệp định dạng ${formats}.",
      fileWithoutFormatNotSupportedNotification: "Không hỗ trợ định dạng tệp này.",
    },
    pastetext: {
      pasteNotification:
        "Bấm %1 để dán. Trình duyệt không cho dán bằng nút trên thanh công cụ hoặc trình đơn chuột phải.",
    },
    table: {
      heightUnit: "đơn vị chiều cao",
      cell: { columnHeader: "Tiêu đề cột", rowHeader: "Tiêu đề hàng" },
    },
    widget: { label: "Khối %1" },
    uploadwidget: {
      abort: "Đã hủy tải lên.",
      doneOne: "Đã tải tệp lên.",
      doneMany: "Đã tải lên %1 tệp.",
      uploadOne: "Đang tải tệp lên ({percentage}%)...",
      uploadMany: "Đang tải tệp lên, xong {current}/{max} ({percentage}%)...",
    },
  }
  const PLUGINS = {
    image2: {
      alt: "Mô tả ảnh cho người không xem được ảnh (bắt buộc)",
      captioned: "Ảnh có chú thích",
      // A prompt where the caption goes; left as it is, it is not stored (ckeditor-images.js).
      captionPlaceholder: "Chú thích ảnh",
      btnUpload: "Tải lên",
    },
  }

  function merge(target, source) {
    for (const [key, value] of Object.entries(source)) {
      if (value && typeof value === "object") {
        target[key] = target[key] || {}
        merge(target[key], value)
      } else {
        target[key] = value
      }
    }
  }

  function watch(editor) {
    editor.on("langLoaded", () => {
      if (editor.langCode === "vi") merge(editor.lang, CORE)
    })
    editor.on("pluginsLoaded", () => {
      if (editor.langCode !== "vi") return
      for (const [plugin, strings] of Object.entries(PLUGINS)) {
        if (editor.lang[plugin]) merge(editor.lang[plugin], strings)
      }
    })
  }

  function listen() {
    if (!window.CKEDITOR) {
      setTimeout(listen, 50)
      return
    }
    window.CKEDITOR.on("instanceCreated", (created) => watch(created.editor))
  }

  listen()
})()
