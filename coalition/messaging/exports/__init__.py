"""A draft as plain text, Markdown, a printable page and a .docx file."""
