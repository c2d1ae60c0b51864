"""The set-based word list cuts Thai exactly as PyThaiNLP's own dictionary trie does."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from pythainlp.corpus import thai_words
from pythainlp.tokenize import word_dict_trie, word_tokenize

from secity_desktop.core.thai_linebreak import WordSet, word_boundaries, word_set

ROOT = Path(__file__).resolve().parents[2]


def app_thai_texts() -> list[str]:
    """Every Thai text the app shows: the GUI's translations and the error messages."""
    ts = (ROOT / "i18n" / "secity_th.ts").read_text(encoding="utf-8")
    texts = re.findall(r"<translation>([^<]+)</translation>", ts)
    toml = tomllib.loads((ROOT / "i18n" / "messages_th.toml").read_text(encoding="utf-8"))
    texts += [v for v in toml.values() if isinstance(v, str)]
    return [t for t in texts if any("\u0e00" <= ch <= "\u0e7f" for ch in t)]


def test_prefixes_match_the_trie() -> None:
    trie, words = word_dict_trie(), word_set()
    for text in app_thai_texts()[:300]:
        for start in range(len(text)):
            assert words.prefixes(text, start) == trie.prefixes(text, start)


def test_app_texts_cut_the_same() -> None:
    texts = app_thai_texts()
    assert len(texts) > 200  # the translations were found
    for text in texts:
        ours = word_tokenize(text, custom_dict=word_set(), engine="newmm")  # type: ignore[arg-type]
        assert ours == word_tokenize(text, engine="newmm"), text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*sorted(thai_words())[::97], "ๆ", "ฯ", "123", "-", "ก่", "เ"]),
                min_size=1, max_size=12))
def test_random_word_runs_cut_the_same(parts: list[str]) -> None:
    text = "".join(parts)
    ours = word_tokenize(text, custom_dict=word_set(), engine="newmm")  # type: ignore[arg-type]
    assert ours == word_tokenize(text, engine="newmm")


def test_word_set_keeps_what_the_trie_keeps() -> None:
    words = WordSet(["  ดี ", "", "สวัสดี", "ดี"])
    assert len(words) == 2 and "ดี" in words and "" not in words
    assert words.prefixes("สวัสดีครับ") == ["สวัสดี"]  # "สวัส" is not in this list
    assert words.prefixes("ดีมาก") == ["ดี"]
    assert WordSet([]).prefixes("ดี") == []


def test_boundaries_unchanged_for_a_certificate_line() -> None:
    text = "เทศบาลตำบลบ้านใหม่ได้รับรางวัลเมืองสิ่งแวดล้อมยั่งยืนระดับดีเยี่ยม"
    cuts = {0, len(text)}
    pos = 0
    for token in word_tokenize(text, engine="newmm"):
        pos += len(token)
        cuts.add(pos)
    assert set(word_boundaries(text)) == cuts
