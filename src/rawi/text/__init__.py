"""The Arabic text layer: normalisation with offset maps, quotations, sentences, tokens.

- :mod:`rawi.text.normalize` — ``normalize`` (with offsets), ``normalize_text``, ``fold``
- :mod:`rawi.text.quotes` — ``find_quotes``, ``quote_at``, ``inside_quote``
- :mod:`rawi.text.segment` — ``split_sentences``, ``split_paragraphs``
- :mod:`rawi.text.tokens` — ``tokenize``, ``analyze_clitics``
"""

from rawi.text.normalize import Normalized, fold, normalize, normalize_text
from rawi.text.quotes import Quote, find_quotes, inside_quote, quote_at
from rawi.text.segment import split_paragraphs, split_sentences
from rawi.text.tokens import analyze_clitics, tokenize

__all__ = [
    "Normalized", "normalize", "normalize_text", "fold",
    "Quote", "find_quotes", "quote_at", "inside_quote",
    "split_sentences", "split_paragraphs",
    "tokenize", "analyze_clitics",
]
