"""The report's Markdown as a stream of tokens, from pulldown-cmark's events (pyromark).

The Word writer walks these tokens; the shape is markdown-it's (type, tag, content, children),
which the writer was first written against, so either parser could feed it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pyromark


@dataclass(slots=True)  # a national table is ~100,000 of them at once
class Tok:
    """A block or inline token, shaped like markdown-it's (type, tag, content, children)."""

    type: str
    tag: str = ""
    content: str = ""
    children: list[Tok] | None = None
    src: str = ""


def tokens(markdown: str) -> Iterator[Tok]:
    """The Markdown's tokens, parsed by pulldown-cmark (pyromark): a national report's 8 MB
    parse in under a second, where markdown-it (pure Python) takes over ten.

    Blocks come as they are completed (a paragraph, heading or table cell is one token with
    its inline children), so a long report never exists as tokens all at once. Tight list
    items get their paragraph, as markdown-it gives them; adjacent text is one token; raw
    HTML is kept as text (html is never interpreted).
    """
    out: list[Tok] = []
    inline: Tok | None = None  # the inline token whose children are being gathered
    image: Tok | None = None
    code: Tok | None = None
    head = False

    def open_inline(kind: str = "paragraph", tag: str = "p") -> Tok:
        nonlocal inline
        inline = Tok(kind, tag=tag, children=[])
        return inline

    def close_inline() -> None:
        """The paragraph, heading or cell is complete: hand it on as one token."""
        nonlocal inline
        if inline is None:
            return
        inline.content = "".join(t.content for t in inline.children or [] if t.type == "text")
        out.append(inline)
        inline = None

    def children() -> list[Tok]:
        target = inline or open_inline()
        assert target.children is not None
        return target.children

    event: Any
    for event in pyromark.events(markdown, options=pyromark.Options.ENABLE_TABLES):
        if isinstance(event, str):  # Rule, SoftBreak, HardBreak
            if event == "Rule":
                out.append(Tok("hr"))
            elif inline is not None:
                inline.children.append(Tok(event.lower()))  # type: ignore[union-attr]
            continue
        kind, value = next(iter(event.items()))
        if kind in ("Text", "InlineHtml", "Html"):
            if image is not None:
                image.content += value
            elif code is not None:
                code.content += value
            else:
                kids = children()
                if kids and kids[-1].type == "text":
                    kids[-1].content += value
                else:
                    kids.append(Tok("text", content=value))
        elif kind == "Code":
            children().append(Tok("code_inline", content=value))
        elif kind == "Start":
            attrs: Any
            name, attrs = next(iter(value.items())) if isinstance(value, dict) else (value, None)
            if name in ("Paragraph", "HtmlBlock"):
                open_inline()
            elif name == "Heading":
                open_inline("heading", f"h{attrs['level'][1]}")
            elif name == "List":
                close_inline()
                out.append(Tok("ordered_list_open" if attrs is not None else "bullet_list_open"))
            elif name == "Item":
                out.append(Tok("list_item_open"))
            elif name == "BlockQuote":
                close_inline()
                out.append(Tok("blockquote_open"))
            elif name == "Table":
                out.append(Tok("table_open"))
            elif name in ("TableHead", "TableRow"):
                head = name == "TableHead"
                out.append(Tok("tr_open"))
            elif name == "TableCell":
                open_inline("th" if head else "td", "")
            elif name == "Strong":
                children().append(Tok("strong_open"))
            elif name == "Image":
                image = Tok("image", src=attrs["dest_url"])
            elif name == "CodeBlock":
                close_inline()
                code = Tok("fence")
        elif kind == "End":
            name = next(iter(value)) if isinstance(value, dict) else value
            if name in ("Paragraph", "HtmlBlock"):
                close_inline()
            elif name == "Heading":
                close_inline()
            elif name == "Item":
                close_inline()
                out.append(Tok("list_item_close"))
            elif name == "List":
                out.append(Tok("ordered_list_close" if value["List"] else "bullet_list_close"))
            elif name == "BlockQuote":
                out.append(Tok("blockquote_close"))
            elif name == "TableCell":
                close_inline()
            elif name == "Table":
                out.append(Tok("table_close"))
            elif name == "Strong" and inline is not None:
                children().append(Tok("strong_close"))
            elif name == "Image" and image is not None:
                done, image = image, None
                children().append(done)
            elif name == "CodeBlock" and code is not None:
                out.append(code)
                code = None
        if out:
            yield from out
            out.clear()
    yield from out  # a rule as the last event never reached the yield above
