"""Unique demo names and distinct credit-code serials at a million enterprises,
in a few MB: a bitmap of the names taken, and serials from a permutation."""

from __future__ import annotations

import math
import random


class NameSpace:
    """Which names are taken, as one bit per possible name (place, core, word, form):
    a million names cost a few MB here, where a set of the strings cost 100 MB. The
    core has two characters while that leaves the names sparse, three beyond."""

    def __init__(
        self, count: int, places: list[str], words: int, core_chars: str, forms: list[str]
    ) -> None:
        self.core_chars = core_chars
        self.places = {p: i for i, p in enumerate(dict.fromkeys(places))}
        self.forms = {f: i for i, f in enumerate(dict.fromkeys(forms))}
        self.words = words
        n = len(core_chars)
        per_core = len(self.places) * words * len(self.forms)
        self.core_length = 2 if count * 4 <= per_core * n**2 else 3
        self.bits = bytearray(per_core * n**self.core_length // 8 + 1)
        self.index = {c: i for i, c in enumerate(core_chars)}

    def take(self, place: str, core: str, word: int, form: str) -> bool:
        """Mark the name taken; False when it already was."""
        key = self.places[place]
        for ch in core:
            key = key * len(self.core_chars) + self.index[ch]
        key = (key * self.words + word) * len(self.forms) + self.forms[form]
        byte, bit = divmod(key, 8)
        if self.bits[byte] >> bit & 1:
            return False
        self.bits[byte] |= 1 << bit
        return True


def serial_permutation(rng: random.Random) -> tuple[int, int]:
    """Distinct 8-digit serials without a list of them: i ↦ (a·i + b) mod M is a
    permutation of range(M) when a is prime to M (M = 90,000,000)."""
    span = 90_000_000
    step = rng.randrange(1, span)
    while math.gcd(step, span) != 1:
        step += 1
    return step, rng.randrange(span)
