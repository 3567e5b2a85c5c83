/* The library's upload page: many pictures at once, by drag and drop or the file input, one
   request per file so each shows its own progress and its own answer (a refused file says why
   and the others go on). Without this script the form sends every file in one request. */
;(() => {
  const form = document.getElementById("photo-upload")
  if (!form) return
  const input = form.querySelector("input[type=file]")
  const drop = document.getElementById("photo-drop")
  const results = document.getElementById("photo-results")
  const token = form.querySelector("input[name=csrfmiddlewaretoken]").value

  function row(file) {
    const item = document.createElement("li")
    const name = document.createElement("span")
    name.textContent = `${file.name}:`
    const progress = document.createElement("progress")
    progress.max = 100
    progress.value = 0
    const status = document.createElement("span")
    status.style.marginLeft = "0.5em"
    status.textContent = "đang tải lên…"
    item.append(name, progress, status)
    results.prepend(item)
    return { item, progress, status }
  }

  function show(line, answer) {
    line.progress.value = 100
    line.status.textContent = ""
    if (!answer.ok) {
      line.item.className = "photo-error errornote"
      line.status.textContent = answer.error
      return
    }
    line.item.className = "photo-ok"
    const link = document.createElement("a")
    link.href = answer.change_url
    const image = document.createElement("img")
    image.src = answer.thumbnail
    image.alt = ""
    image.width = 80
    image.height = 50
    link.append(image, "đã lưu, điền chú thích")
    line.status.append(link)
  }

  function send(file) {
    const line = row(file)
    const data = new FormData()
    data.append("images", file)
    const xhr = new XMLHttpRequest()
    xhr.open("POST", form.action)
    xhr.setRequestHeader("X-CSRFToken", token)
    xhr.setRequestHeader("Accept", "application/json")
    xhr.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) line.progress.value = (event.loaded / event.total) * 100
    })
    xhr.addEventListener("load", () => {
      let answer
      try {
        answer = JSON.parse(xhr.responseText).results[0]
      } catch (error) {
        answer = { ok: false, error: `Máy chủ không nhận tệp (mã ${xhr.status}). Hãy thử lại.` }
      }
      show(line, answer)
    })
    xhr.addEventListener("error", () =>
      show(line, { ok: false, error: "Mất kết nối khi tải lên. Hãy thử lại." })
    )
    xhr.send(data)
  }

  function sendAll(files) {
    Array.from(files).forEach(send)
    input.value = ""
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault()
    sendAll(input.files)
  })
  input.addEventListener("change", () => sendAll(input.files))
  ;["dragenter", "dragover"].forEach((type) =>
    drop.addEventListener(type, (event) => {
      event.preventDefault()
      drop.classList.add("photo-drop--over")
    })
  )
  drop.addEventListener("dragleave", () => drop.classList.remove("photo-drop--over"))
  drop.addEventListener("drop", (event) => {
    event.preventDefault()
    drop.classList.remove("photo-drop--over")
    sendAll(event.dataTransfer.files)
  })
})()
