"""Breaking a title into lines between words, never inside one.

GB/T 9704-2012 §7.3.2: a title that runs over one line is broken so that each line
keeps its words whole (词意完整) and the lines are of balanced length (排列对称).
Word and Qt break Chinese anywhere, which gave "保支/付" and "实/施". The words come
from jieba (MIT; its dictionary ships in the package, nothing is downloaded), with
the campaign's own terms added so that 查风险, 保支付, 劳动用工 stay whole. An opening
quote or bracket goes with the word after it, closing punctuation with the word before.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

DOMAIN_WORDS = (
    "劳动用工",
    "查风险",
    "强协商",
    "保支付",
    "促和谐",
    "专项行动",
    "实施方案",
    "工作情况",
    "工作总结",
    "法治体检",
    "集体协商",
    "要约行动",
    "协调劳动关系",
    "三方委员会",
    "办公室",
    "整改建议书",
    "体检报告",
    "现场记录表",
    "裁减人员",
)
# Punctuation that may not begin a line, and that may not end one (GB/T 15834 practice).
NO_LINE_START = set("，。、；：？！）》〕」』”’…—·,.;:?!)]")
NO_LINE_END = set("（《〔「『“‘([")


@cache
def _tokenizer() -> Any:
    """jieba's tokenizer with its whole dictionary (349,000 words: about 1.5 s of
    CPU to load). The report and the forms use _tokenizer_for, which cuts the same."""
    import logging

    jieba = _jieba()
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    for word in DOMAIN_WORDS:
        tokenizer.add_word(word, freq=200000)
    return tokenizer


def _jieba() -> Any:
    """jieba, imported without pkg_resources (which its _compat tries first for
    reading its own files and which costs a second to import; jieba then opens the
    files from its folder, the same files)."""
    import sys

    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        import jieba

        return jieba
    sys.modules["pkg_resources"] = None  # type: ignore[assignment] - makes the import fail
    try:
        import jieba
    finally:
        del sys.modules["pkg_resources"]
    return jieba


# The total of the frequencies in jieba 0.42.1's dict.txt, by the file's SHA-256: adding
# up its 349,000 numbers took 0.1 s of every report (issue 17); another file is added up.
KNOWN_TOTALS = {"7197c3211ddd98962b036cdf40324d1ea2bfaa12bd028e68faa70111a88e12a8": 60101967}


@cache
def _dictionary() -> tuple[str, int]:
    """jieba's dictionary file and the total of its frequencies."""
    import hashlib
    from pathlib import Path

    data = Path(_jieba().__file__).with_name("dict.txt").read_bytes()
    content = data.decode("utf-8")
    total = KNOWN_TOTALS.get(hashlib.sha256(data).hexdigest())
    return content, total if total is not None else frequency_total(content)


def frequency_total(content: str) -> int:
    """The total of a dictionary's frequencies (jieba's gen_pfdict reads "word
    frequency tag" lines)."""
    import re

    return sum(map(int, re.findall(r"^\S+ (\d+)", content, re.MULTILINE)))


def dictionary_lines(content: str, letters: str) -> list[tuple[str, str]]:
    """(word, frequency) of each "word frequency tag" line whose word is made of
    `letters` (the inside of a regex character class), in file order: what
    `^([letters]+) (\\d+)` finds in MULTILINE mode. Matching after a newline, and the
    first line on its own, finds the same three to four times as fast: the regex
    engine looks for the newline instead of trying every position (issue 17)."""
    import re

    line = rf"([{letters}]+) (\d+)"
    if "\n" in letters or "\r" in letters:  # a class that crosses lines: the slow way
        return re.findall("^" + line, content, re.MULTILINE)
    first = re.match(line, content)
    return ([first.groups()] if first else []) + re.findall("\n" + line, content)


def _tokenizer_for(text: str) -> Any:
    """A tokenizer that cuts `text` exactly as _tokenizer does, holding only the
    dictionary words found in `text` (and their prefixes), with the whole
    dictionary's total frequency. jieba's cut looks up only substrings of what it
    cuts (its DAG, the route's log(freq / total), the HMM's known-word check), so
    the same entries give the same words, without loading 349,000 words for a title."""
    import re

    jieba = _jieba()
    # The lines whose word is made of the text's characters (few), in file order.
    content, total = _dictionary()
    letters = "".join(re.escape(c) for c in sorted(set(text)))
    substrings = {text[i:j] for i in range(len(text)) for j in range(i + 1, len(text) + 1)}
    freq: dict[str, int] = {}
    for word, count in dictionary_lines(content, letters):
        if word in substrings:
            freq[word] = int(count)
            for end in range(1, len(word)):
                freq.setdefault(word[:end], 0)
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = freq, total, True
    for word in DOMAIN_WORDS:
        tokenizer.add_word(word, freq=200000)
    return tokenizer


def words(text: str) -> list[str]:
    """The title cut into units that may not be broken: words, with punctuation attached
    to the word it belongs to, and a quoted phrase whole."""
    tokens = [t for t in _tokenizer_for(text).cut(text, HMM=True) if t]
    units: list[str] = []
    pending_open = ""
    for token in tokens:
        if all(c in NO_LINE_END for c in token):
            pending_open += token
            continue
        token = pending_open + token
        pending_open = ""
        if units and (token.isspace() or token[0] in NO_LINE_START):
            units[-1] += token
        else:
            units.append(token)
    if pending_open:
        units.append(pending_open)
    return units


def char_width(text: str) -> float:
    """Width in em: CJK and full-width characters 1, others (digits, Latin) ½."""
    return sum(1.0 if ord(c) > 0x2E7F or c in "“”‘’" else 0.5 for c in text)


def break_lines(text: str, fits: Callable[[str], bool]) -> list[str]:
    """The fewest lines that fit, broken only between units, as even as possible.
    `fits(line)` says whether a line fits the measure."""
    text = text.strip()
    if not text or fits(text):
        return [text]
    units = words(text)
    # A unit too long for any line is cut into characters (a measure of a few em).
    units = [u for unit in units for u in ([unit] if fits(unit.strip()) else list(unit))]
    n = len(units)
    # best[i] = (lines, worst line width², breaks) for units[:i]
    inf = (10**9, 10.0**18, [])
    best: list[tuple[int, float, list[int]]] = [(0, 0.0, [])] + [inf] * n
    for end in range(1, n + 1):
        for start in range(end - 1, -1, -1):
            line = "".join(units[start:end])
            if not fits(line.strip()):
                if end - start > 1:
                    break
            prev = best[start]
            if prev[0] >= 10**9:
                continue
            width = char_width(line.strip())
            candidate = (prev[0] + 1, prev[1] + (40 - width) ** 2, [*prev[2], start])
            if (candidate[0], candidate[1]) < (best[end][0], best[end][1]):
                best[end] = candidate
    breaks = [*best[n][2][1:], n]
    lines, start = [], 0
    for end in breaks:
        lines.append("".join(units[start:end]).strip())
        start = end
    return _balance(lines, units, fits)


def _balance(lines: list[str], units: list[str], fits: Callable[[str], bool]) -> list[str]:
    """Same number of lines, shifted so the lengths are as equal as they can be
    (a long line over a short one, never a lone word on the last line)."""
    count = len(lines)
    if count < 2:
        return lines
    n = len(units)
    total = char_width("".join(units))
    target = total / count
    best: dict[tuple[int, int], tuple[float, list[int]]] = {(0, 0): (0.0, [])}
    for used in range(count):
        for (done, k), (score, cuts) in list(best.items()):
            if k != used:
                continue
            for end in range(done + 1, n + 1):
                line = "".join(units[done:end]).strip()
                if not fits(line):
                    break
                if used == count - 1 and end != n:
                    continue
                s = score + (char_width(line) - target) ** 2
                key = (end, used + 1)
                if key not in best or s < best[key][0]:
                    best[key] = (s, [*cuts, end])
    final = best.get((n, count))
    if final is None:
        return lines
    out, start = [], 0
    for end in final[1]:
        out.append("".join(units[start:end]).strip())
        start = end
    return out
