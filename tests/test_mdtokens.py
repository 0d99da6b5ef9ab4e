"""The Word writer's view of the report's Markdown: blocks with their inline children."""

from __future__ import annotations

from zzgzn.report.mdtokens import tokens


def test_blocks_come_whole_with_their_inlines() -> None:
    md = (
        "# 标题\n\n正文**加粗**，<b>不是 HTML</b>\n\n- 一\n- 二\n\n"
        "| 甲 | 乙 |\n|---|---|\n| 1 | 2 |\n\n---\n"
    )
    got = [(t.type, t.tag, t.content) for t in tokens(md)]
    assert got == [
        ("heading", "h1", "标题"),
        ("paragraph", "p", "正文加粗，<b>不是 HTML</b>"),
        ("bullet_list_open", "", ""),
        ("list_item_open", "", ""),
        ("paragraph", "p", "一"),
        ("list_item_close", "", ""),
        ("list_item_open", "", ""),
        ("paragraph", "p", "二"),
        ("list_item_close", "", ""),
        ("bullet_list_close", "", ""),
        ("table_open", "", ""),
        ("tr_open", "", ""),
        ("th", "", "甲"),
        ("th", "", "乙"),
        ("tr_open", "", ""),
        ("td", "", "1"),
        ("td", "", "2"),
        ("table_close", "", ""),
        ("hr", "", ""),
    ]
    paragraph = next(t for t in tokens(md) if t.type == "paragraph")
    assert [c.type for c in paragraph.children or []] == [
        "text",
        "strong_open",
        "text",
        "strong_close",
        "text",
    ]


def test_an_image_keeps_its_address_and_caption() -> None:
    (block,) = tokens("![图1 按时报送率](charts/a.png)\n")
    (image,) = block.children or []
    assert (image.type, image.src, image.content) == ("image", "charts/a.png", "图1 按时报送率")
