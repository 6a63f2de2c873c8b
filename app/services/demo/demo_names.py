"""Unique demo names and distinct credit-code serials at a million enterprises,
in about a MB: a bitmap of the names taken, and serials from a permutation."""

from __future__ import annotations

import math
import random


class NameSpace:
    """Which names are taken, as bits of a bitmap (place, core, word, form → number):
    a million names cost 1 MB here, where a set of the strings cost 100 MB. The core
    has two characters while that leaves the names sparse, three beyond.

    With three-character cores the possible names outnumber the bits (150 million
    for a city, 19 MB as one bit each): a name's number is then folded onto eight
    bits per enterprise. A name taken always finds its bit set, so no name is made
    twice; a new name whose bit another set is refused too, and the caller draws
    another core (at most one draw in eight, deterministic for the seed)."""

    def __init__(
        self,
        count: int,
        places: list[str],
        words: int,
        core_chars: str,
        forms: list[str],
        *,
        busiest: float,
    ) -> None:
        """`count` names to come, `busiest` of them in the likeliest (place, word, form)."""
        self.core_chars = core_chars
        self.places = {p: i for i, p in enumerate(dict.fromkeys(places))}
        self.forms = {f: i for i, f in enumerate(dict.fromkeys(forms))}
        self.words = words
        n = len(core_chars)
        per_core = len(self.places) * words * len(self.forms)
        # Two characters while the busiest combination stays under half its cores (the
        # average one said nothing: a county's 建筑工程有限公司 ran out at 60,000).
        self.core_length = 2 if busiest * 2 <= n**2 else 3
        self.size = min(per_core * n**self.core_length, _folded_size(count, per_core * n))
        self.bits = bytearray(self.size // 8 + 1)
        self.index = {c: i for i, c in enumerate(core_chars)}

    def take(self, place: str, core: str, word: int, form: str) -> bool:
        """Mark the name taken; False when it already was."""
        key = self.places[place]
        for ch in core:
            key = key * len(self.core_chars) + self.index[ch]
        key = (key * self.words + word) * len(self.forms) + self.forms[form]
        byte, bit = divmod(key % self.size, 8)
        if self.bits[byte] >> bit & 1:
            return False
        self.bits[byte] |= 1 << bit
        return True


def _folded_size(count: int, factors: int) -> int:
    """Eight bits per name, a number sharing no factor with the name numbering's
    radices (so folding spreads the names over every bit)."""
    size = max(8 * count, 1 << 16) | 1
    while math.gcd(size, factors) != 1:
        size += 2
    return size


def serial_permutation(rng: random.Random) -> tuple[int, int]:
    """Distinct 8-digit serials without a list of them: i ↦ (a·i + b) mod M is a
    permutation of range(M) when a is prime to M (M = 90,000,000)."""
    span = 90_000_000
    step = rng.randrange(1, span)
    while math.gcd(step, span) != 1:
        step += 1
    return step, rng.randrange(span)
