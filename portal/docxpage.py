"""Every DOCX the portal writes starts here: A4 with the margins of Decree 30/2020/NĐ-CP on
administrative documents (Appendix I: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm; the
portal uses the lower bound of each), Times New Roman 13 pt. python-docx's blank document is US
Letter with 1-inch margins, so no generator calls ``docx.Document()`` itself (a test checks)."""
from __future__ import annotations

PAGE_MM = (210, 297)  # A4: width, height
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
FONT_NAME, FONT_PT = "Times New Roman", 13


def apply_page_setup(doc) -> None:
    """A4 and Decree 30's margins on every section of ``doc``."""
    from docx.shared import Mm

    for section in doc.sections:
        section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
        section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
        section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])


def new_document():
    """A blank python-docx document on A4 with Decree 30's margins and the body font."""
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = FONT_NAME
    style.font.size = Pt(FONT_PT)
    apply_page_setup(doc)
    return doc


def page_setup(data: bytes) -> list[dict]:
    """Each section's page size and margins in whole millimetres, read back from a DOCX (tests,
    checks of a generated file)."""
    import io

    from docx import Document

    def mm(length) -> int:
        return round(length / 36000)  # EMU per millimetre

    return [{"width": mm(s.page_width), "height": mm(s.page_height), "top": mm(s.top_margin),
             "bottom": mm(s.bottom_margin), "left": mm(s.left_margin), "right": mm(s.right_margin)}
            for s in Document(io.BytesIO(data)).sections]
