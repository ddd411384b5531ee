"""The home page's cards: one function per card, each returning what the reader may see."""
