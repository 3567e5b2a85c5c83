/* A library picture's page: a click on the picture sets its focal point (tâm ảnh), the part
   crops keep in the frame, as fractions 0..1 in the focal_x and focal_y fields. */
;(() => {
  function ready() {
    const box = document.querySelector(".picture-focal")
    const x = document.getElementById("id_focal_x")
    const y = document.getElementById("id_focal_y")
    if (!box || !x || !y) return
    const image = box.querySelector("img")
    const mark = box.querySelector(".picture-focal__mark")
    image.addEventListener("click", (event) => {
      const rect = image.getBoundingClientRect()
      const fx = Math.min(1, Math.max(0, (event.clientX - rect.left) / rect.width))
      const fy = Math.min(1, Math.max(0, (event.clientY - rect.top) / rect.height))
      x.value = fx.toFixed(3)
      y.value = fy.toFixed(3)
      mark.style.left = `${fx * 100}%`
      mark.style.top = `${fy * 100}%`
    })
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready)
  else ready()
})()
