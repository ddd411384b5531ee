"""A draft's Markdown read as blocks of plain text runs, for the text and .docx exports.

The Markdown is parsed (raw HTML off) into headings, paragraphs, list items, quotes and
code, each a list of runs carrying only text and bold/italic flags: nothing in a draft is
ever passed on as markup, so no export can carry a script or a live link it was not meant to.
"""

from dataclasses import dataclass, field

from markdown_it import MarkdownIt

_parser = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable(
    ["table", "strikethrough"]
)
LINK_SCHEMES = ("http://", "https://", "mailto:")


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class Block:
    """kind: heading, paragraph, bullet, number, quote or code; level: heading level or
    list depth; number: an ordered list item's number."""

    kind: str
    level: int = 0
    number: int | None = None
    runs: list = field(default_factory=list)

    @property
    def text(self):
        return "".join(run.text for run in self.runs)


class _Reader:
    """Walks markdown-it's tokens, keeping track of lists and quotes around each block."""

    def __init__(self):
        self.blocks = []
        self.lists = []  # [kind, next number] per open list
        self.quote_depth = 0
        self.pending = None

    def read(self, tokens):
        for token in tokens:
            handler = getattr(self, "_" + token.type, None)
            if handler is not None:
                handler(token)
        return self.blocks

    def _heading_open(self, token):
        self.pending = Block("heading", level=int(token.tag[1:]))

    def _paragraph_open(self, token):
        if self.pending is None:
            self.pending = Block("quote" if self.quote_depth else "paragraph")

    def _bullet_list_open(self, token):
        self.lists.append(["bullet", None])

    def _ordered_list_open(self, token):
        self.lists.append(["number", int(token.attrGet("start") or 1)])

    def _bullet_list_close(self, token):
        self.lists.pop()

    _ordered_list_close = _bullet_list_close

    def _list_item_open(self, token):
        kind, number = self.lists[-1]
        self.pending = Block(kind, level=len(self.lists), number=number)
        if number is not None:
            self.lists[-1][1] = number + 1

    def _blockquote_open(self, token):
        self.quote_depth += 1

    def _blockquote_close(self, token):
        self.quote_depth -= 1

    def _inline(self, token):
        block = self.pending or Block("paragraph")
        block.runs.extend(inline_runs(token.children or []))
        self.blocks.append(block)
        self.pending = None

    def _fence(self, token):
        self.blocks.append(Block("code", runs=[Run(token.content.rstrip("\n"))]))

    _code_block = _fence

    def _hr(self, token):
        self.blocks.append(Block("paragraph", runs=[Run("* * *")]))


def inline_runs(children):
    """Text runs of an inline token: bold and italic kept, links as "text (address)"."""
    runs, bold, italic, href = [], 0, 0, []
    for child in children:
        kind = child.type
        if kind in ("text", "code_inline"):
            runs.append(Run(child.content, bold > 0, italic > 0))
        elif kind in ("softbreak", "hardbreak"):
            runs.append(Run("\n" if kind == "hardbreak" else " ", bold > 0, italic > 0))
        elif kind in ("strong_open", "strong_close"):
            bold += 1 if kind == "strong_open" else -1
        elif kind in ("em_open", "em_close"):
            italic += 1 if kind == "em_open" else -1
        elif kind == "link_open":
            href.append(str(child.attrGet("href") or ""))
        elif kind == "link_close":
            address = href.pop() if href else ""
            if address.lower().startswith(LINK_SCHEMES):
                runs.append(Run(f" ({address})", bold > 0, italic > 0))
        elif kind == "image":
            runs.append(Run(child.content, bold > 0, italic > 0))
    return runs


def blocks_of(markdown_text):
    """The text's blocks, in order."""
    return _Reader().read(_parser.parse(markdown_text or ""))


def plain_text(markdown_text):
    """The text without Markdown's marks: headings, list bullets and numbers kept as text."""
    lines, in_list = [], False
    for block in blocks_of(markdown_text):
        listed = block.kind in ("bullet", "number")
        if in_list and not listed:
            lines.append("")
        in_list = listed
        indent = "  " * max(0, block.level - 1)
        if block.kind == "bullet":
            lines.append(f"{indent}- {block.text}")
        elif block.kind == "number":
            lines.append(f"{indent}{block.number}. {block.text}")
        elif block.kind == "quote":
            lines.append("> " + block.text)
        else:
            lines.append(block.text)
        if not listed:
            lines.append("")
    return "\n".join(lines).strip() + "\n"
