"""The demo's generated images, drawn locally with Pillow (no downloads): project logos, the
portal logo and the IQ Innovationspreis chart, from the `images` specs of the home data file.
"""

from io import BytesIO

from django.core.management.base import CommandError

from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont

TRANSLITERATION = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "–": "-"}
)
INK = "#1d2b36"
MUTED = "#5b6770"
BACKGROUND = "#f5f7f9"


def font(size):
    return ImageFont.load_default(size=size)


def drawable(text):
    """Pillow's built-in font covers ASCII only; spell umlauts out rather than draw boxes."""
    text = text.translate(TRANSLITERATION)
    if not text.isascii():
        raise CommandError(f"Cannot draw {text!r} with Pillow's built-in font.")
    return text


def wrap(text, text_font, width):
    lines, line = [], ""
    for word in drawable(text).split():
        candidate = f"{line} {word}".strip()
        if line and text_font.getlength(candidate) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line]


def render_image(spec):
    """The PNG file of an image spec, by its `kind`."""
    renderers = {"project_logo": project_logo, "portal_logo": portal_logo, "chart": chart}
    image = renderers[spec["kind"]](spec)
    buffer = BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    buffer.seek(0)
    return buffer


def project_logo(spec):
    """600 x 400: a coloured badge with the project's initials above its name."""
    image = PillowImage.new("RGB", (600, 400), BACKGROUND)
    draw = ImageDraw.Draw(image)
    colour = spec["colour"]
    draw.rounded_rectangle((240, 40, 360, 160), radius=24, fill=colour)
    draw.text((300, 100), drawable(spec["mark"]), font=font(56), fill="white", anchor="mm")
    name_font = font(42)
    y = 210
    for line in wrap(spec["name"], name_font, 540):
        draw.text((300, y), line, font=name_font, fill=INK, anchor="mt")
        y += 52
    if spec.get("subline"):
        sub_font = font(22)
        for line in wrap(spec["subline"], sub_font, 540):
            draw.text((300, y + 4), line, font=sub_font, fill=MUTED, anchor="mt")
            y += 30
    draw.rectangle((0, 388, 600, 400), fill=colour)
    return image


def portal_logo(spec):
    """480 x 120: three overlapping circles (three federal states) and the region's name."""
    image = PillowImage.new("RGB", (480, 120), "white")
    draw = ImageDraw.Draw(image)
    for (x, y), shade in zip(
        [(22, 20), (52, 20), (37, 46)], ["#00587c", "#2f8fb3", "#7cc3de"], strict=True
    ):
        draw.ellipse((x, y, x + 52, y + 52), fill=shade, outline="white", width=3)
    first, second = spec["lines"]
    draw.text((128, 24), drawable(first), font=font(30), fill=INK)
    draw.text((128, 60), drawable(second), font=font(30), fill=spec["colour"])
    return image


def chart(spec):
    """960 x 540 horizontal bar chart of the IQ Innovationspreis 2019 entries per cluster."""
    image = PillowImage.new("RGB", (960, 540), "white")
    draw = ImageDraw.Draw(image)
    draw.text((40, 30), drawable(spec["heading"]), font=font(32), fill=INK)
    label_font, value_font = font(24), font(24)
    english = spec["language"] == "en"
    rows = [(row["label"].de, row["label"].en, row["entries"]) for row in spec["entries"]]
    maximum = max(count for _de, _en, count in rows)
    left, right, top, bar, gap = 320, 860, 110, 48, 28
    for index, (german_label, english_label, count) in enumerate(rows):
        y = top + index * (bar + gap)
        label = english_label if english else german_label
        draw.text((left - 16, y + bar / 2), drawable(label), font=label_font, fill=INK, anchor="rm")
        length = (right - left) * count / maximum
        draw.rectangle((left, y, left + length, y + bar), fill="#00587c")
        draw.text(
            (left + length + 10, y + bar / 2), str(count), font=value_font, fill=INK, anchor="lm"
        )
    draw.line((left, top - 10, left, top + 5 * (bar + gap) - gap + 10), fill=MUTED, width=2)
    draw.text((40, 500), drawable(spec["total"]), font=font(22), fill=MUTED)
    return image
