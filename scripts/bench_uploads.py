"""`make bench`, uploads: time and memory of clean_image() on the largest pictures accepted.

Each picture is generated once into a temporary folder, then cleaned in its own Python process
(as a worker would after Django wrote the upload to a temporary file), which reports its wall
time and CPU time (user + system: on a loaded machine wall time is inflated, CPU time is what the
upload itself costs), the peak of Python's own allocations (tracemalloc: Pillow's pixel buffers
are C memory and do not show there) and the rise of the process's peak resident memory
(ru_maxrss), the real peak.
Budget per upload: 2 s of CPU time and 200 MB.
"""

import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

BUDGET_SECONDS = 2.0
BUDGET_MB = 200


def textured(size):
    """A photo-like picture that compresses about as badly as a real one (fine grain)."""
    from PIL import Image

    noise = Image.effect_noise(size, 20)
    gradient = Image.linear_gradient("L").resize(size)
    return Image.merge("RGB", [noise, gradient, noise.transpose(Image.Transpose.FLIP_LEFT_RIGHT)])


def build(folder):
    from PIL import Image

    from news import images

    def write(name, image, fmt, **options):
        path = folder / name
        image.save(path, fmt, **options)
        return path

    cases = {}
    camera = textured((9504, 6336))  # a 60 MP camera, 60.2 MP
    for quality in (94, 92, 90, 85):  # as close to the 30 MB limit as the grain allows
        buffer = io.BytesIO()
        camera.save(buffer, "JPEG", quality=quality)
        if buffer.tell() <= images.MAX_BYTES:
            break
    cases["JPEG 60 MP"] = write("camera.jpg", camera, "JPEG", quality=quality)
    del camera
    # The largest progressive JPEG accepted (4:2:0): 133 MB of DCT coefficients.
    progressive = textured((8160, 5440))
    cases["JPEG 44 MP progressive"] = write(
        "progressive.jpg", progressive, "JPEG", quality=85, progressive=True
    )
    del progressive
    cases["JPEG 24 MP CMYK"] = write("cmyk.jpg", textured((6000, 4000)).convert("CMYK"), "JPEG")
    # The largest PNG accepted: MAX_PIXELS_FULL_DECODE pixels, with transparency.
    side = int((images.MAX_PIXELS_FULL_DECODE * 3 / 2) ** 0.5)
    png = Image.linear_gradient("L").resize((side, side * 2 // 3)).convert("RGBA")
    png.putalpha(Image.radial_gradient("L").resize(png.size))  # smooth: a grain would pass 30 MB
    cases["PNG 32 MP RGBA"] = write("largest.png", png, "PNG", compress_level=1)
    del png
    phone = textured((4032, 3024))
    # As an iPhone writes it (a grid of 512 px tiles), at 2.7 bits a pixel: more than phones use.
    cases["HEIC 12 MP, tiled"] = write("phone.heic", phone, "HEIF", quality=50, tile_size=512)
    # The largest HEIC accepted: 12.5 MP (4080×3060), as near 8 MB as the grain allows (about
    # 5 bits a pixel, far more than phones write); decoding cost grows with bytes too.
    widest = textured((4080, 3060))
    for quality in (74, 70, 66, 62):
        dense = write("dense.heic", widest, "HEIF", quality=quality)
        if dense.stat().st_size <= images.MAX_HEIC_BYTES:
            break
    cases["HEIC 12.5 MP, 8 MB"] = dense
    del widest
    # An iPhone 15's default 24 MP: refused from its header (flat, so it encodes in a moment).
    cases["HEIC 24 MP (refused)"] = write(
        "iphone15.heic", Image.new("RGB", (5712, 4284), (11, 79, 156)), "HEIF", quality=50
    )
    cases["MPO 12 MP, 2 frames"] = write(
        "phone.mpo", phone, "MPO", save_all=True, append_images=[phone.rotate(1)], quality=92
    )
    return cases


def measure(path):
    """In a fresh process: clean one picture and print the figures as JSON."""
    import tracemalloc

    import django

    django.setup()
    from django.core.exceptions import ValidationError
    from django.core.files import File

    from news.images import clean_image

    usage = resource.getrusage(resource.RUSAGE_SELF)
    before, cpu_before = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
    tracemalloc.start()
    start = time.perf_counter()
    with open(path, "rb") as upload:
        try:
            cleaned = clean_image(File(upload, name=Path(path).name))
            stored = f"{cleaned.name.rsplit('.', 1)[1]} {cleaned.size / 2**20:.1f} MB"
        except ValidationError as error:
            stored = f"refused: {error.messages[0][:48]}…"
    seconds = time.perf_counter() - start
    python_peak = tracemalloc.get_traced_memory()[1]
    usage = resource.getrusage(resource.RUSAGE_SELF)
    after, cpu = usage.ru_maxrss, usage.ru_utime + usage.ru_stime - cpu_before
    print(
        json.dumps(
            {
                "seconds": seconds,
                "cpu": cpu,
                "python_mb": python_peak / 2**20,
                "rss_mb": (after - before) / 1024,  # ru_maxrss is in KiB on Linux
                "stored": stored,
            }
        )
    )


def run(*args):
    command = [sys.executable, __file__, *map(str, args)]
    answer = subprocess.run(command, capture_output=True, text=True)
    if answer.returncode:
        sys.exit(f"{' '.join(command)}\n{answer.stderr}")
    return json.loads(answer.stdout)


def main():
    sys.stdout.reconfigure(line_buffering=True)
    # This process stays small: Linux keeps ru_maxrss across fork and exec, so a child of a big
    # parent would start from the parent's peak. Pictures are built and cleaned in children.
    with tempfile.TemporaryDirectory(prefix="portal-bench-uploads-") as folder:
        cases = {name: Path(path) for name, path in run("--build", folder).items()}
        print(
            f"uploads: clean_image() in a fresh process each (budget {BUDGET_SECONDS:g} s, "
            f"{BUDGET_MB} MB)"
        )
        print(
            f"{'picture':<24}{'file MB':>8}{'time s':>8}{'CPU s':>7}{'python MB':>10}"
            f"{'peak RSS MB':>12}  stored"
        )
        over = False
        for name, path in cases.items():
            figures = run("--measure", path)
            # Judged by CPU time: wall time also counts what other processes take from this one.
            over |= figures["cpu"] > BUDGET_SECONDS or figures["rss_mb"] > BUDGET_MB
            print(
                f"{name:<24}{path.stat().st_size / 2**20:>8.1f}{figures['seconds']:>8.2f}"
                f"{figures['cpu']:>7.2f}"
                f"{figures['python_mb']:>10.1f}{figures['rss_mb']:>12.0f}  {figures['stored']}"
            )
        if over:
            print("over budget")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        measure(sys.argv[2])
    elif sys.argv[1:2] == ["--build"]:
        import django

        django.setup()
        print(json.dumps({name: str(path) for name, path in build(Path(sys.argv[2])).items()}))
    else:
        main()
