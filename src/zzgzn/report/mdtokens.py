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
    # the hot loop of a national report's conversion (a million events): locals, no closures,
    # the commonest events first, each token yielded as soon as it is complete
    inline: Tok | None = None  # the inline token whose children are being gathered
    kids: list[Tok] = []  # its children
    image: Tok | None = None
    code: Tok | None = None
    head = False
    event: Any
    for event in pyromark.events(markdown, options=_OPTIONS):
        if event.__class__ is str:  # Rule, SoftBreak, HardBreak
            if event == "Rule":
                yield Tok("hr")
            elif inline is not None:
                kids.append(Tok(event.lower()))
            continue
        kind, value = event.popitem()  # the event's one entry; the dict is ours
        if kind == "Text" or kind == "InlineHtml" or kind == "Html":
            if image is not None:
                image.content += value
            elif code is not None:
                code.content += value
            else:
                if inline is None:
                    inline = Tok("paragraph", "p", "", (kids := []))
                if kids and kids[-1].type == "text":
                    kids[-1].content += value
                else:
                    kids.append(Tok("text", "", value))
            continue
        attrs: Any
        if kind == "Start":
            if value.__class__ is str:
                name, attrs = value, None
            else:
                name, attrs = value.popitem()
            if name == "Paragraph" or name == "HtmlBlock":
                inline = Tok("paragraph", "p", "", (kids := []))
            elif name == "Item":
                yield Tok("list_item_open")
            elif name == "Strong":
                if inline is None:
                    inline = Tok("paragraph", "p", "", (kids := []))
                kids.append(Tok("strong_open"))
            elif name == "Heading":
                inline = Tok("heading", tag=f"h{attrs['level'][1]}", children=(kids := []))
            elif name == "TableCell":
                inline = Tok("th" if head else "td", children=(kids := []))
            elif name == "TableHead" or name == "TableRow":
                head = name == "TableHead"
                yield Tok("tr_open")
            elif name == "List":
                if inline is not None:
                    yield _closed(inline, kids)
                    inline = None
                yield Tok("ordered_list_open" if attrs is not None else "bullet_list_open")
            elif name == "BlockQuote":
                if inline is not None:
                    yield _closed(inline, kids)
                    inline = None
                yield Tok("blockquote_open")
            elif name == "Table":
                yield Tok("table_open")
            elif name == "Image":
                image = Tok("image", src=attrs["dest_url"])
            elif name == "CodeBlock":
                if inline is not None:
                    yield _closed(inline, kids)
                    inline = None
                code = Tok("fence")
        elif kind == "End":
            name = value if value.__class__ is str else next(iter(value))
            if name in _CLOSING:  # the paragraph, heading or cell is complete
                if inline is not None:
                    yield _closed(inline, kids)
                    inline = None
                if name == "Item":
                    yield Tok("list_item_close")
            elif name == "Strong":
                if inline is not None:
                    kids.append(Tok("strong_close"))
            elif name == "List":
                yield Tok("ordered_list_close" if value["List"] else "bullet_list_close")
            elif name == "BlockQuote":
                yield Tok("blockquote_close")
            elif name == "Table":
                yield Tok("table_close")
            elif name == "Image" and image is not None:
                if inline is None:
                    inline = Tok("paragraph", "p", "", (kids := []))
                kids.append(image)
                image = None
            elif name == "CodeBlock" and code is not None:
                yield code
                code = None
        elif kind == "Code":
            if inline is None:
                inline = Tok("paragraph", "p", "", (kids := []))
            kids.append(Tok("code_inline", content=value))


_OPTIONS = pyromark.Options.ENABLE_TABLES
_CLOSING = frozenset(("Paragraph", "HtmlBlock", "Heading", "Item", "TableCell"))


def _closed(inline: Tok, kids: list[Tok]) -> Tok:
    """The inline token with its content: the text of its text children."""
    if len(kids) == 1 and kids[0].type == "text":
        inline.content = kids[0].content
    else:
        inline.content = "".join(t.content for t in kids if t.type == "text")
    return inline
