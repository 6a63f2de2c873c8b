"""Pinyin sort keys and initials for Chinese names, fast enough for 100,000 rows.

pypinyin's phrase-aware lazy_pinyin reads heteronyms right (重庆银行 → chongqing
yinhang) but costs ~100 µs a name. Company names share most of their parts
(place names, 有限公司, 科技, 建筑工程…), so we split a name at those shared parts
and cache the reading of each piece: phrases stay whole inside a piece, and the
shared pieces are read once per process (docs/architecture.md, "Storage").
"""

from __future__ import annotations

import re
from functools import lru_cache

_SHARED_PARTS = "|".join(
    sorted(
        {
            # organisational forms
            "有限责任公司",
            "股份有限公司",
            "有限公司",
            "分公司",
            "子公司",
            "集团",
            "公司",
            "合作社",
            "专业合作社",
            "工作室",
            "经营部",
            "门市部",
            "个体工商户",
            "分店",
            "店",
            "厂",
            # business words company names share
            "科技",
            "实业",
            "建筑",
            "工程",
            "建设",
            "装饰",
            "安装",
            "劳务",
            "商贸",
            "贸易",
            "物流",
            "运输",
            "快递",
            "餐饮",
            "管理",
            "酒店",
            "宾馆",
            "医院",
            "医药",
            "药房",
            "学校",
            "培训",
            "教育",
            "网络",
            "信息",
            "技术",
            "软件",
            "电子",
            "电气",
            "机械",
            "制造",
            "设备",
            "纺织",
            "服饰",
            "服装",
            "食品",
            "化工",
            "材料",
            "新材料",
            "能源",
            "煤业",
            "矿业",
            "煤矿",
            "煤炭",
            "钢铁",
            "陶瓷",
            "建材",
            "置业",
            "房地产",
            "开发",
            "物业",
            "服务",
            "人力资源",
            "检测",
            "咨询",
            "文化",
            "传媒",
            "广告",
            "农业",
            "农牧",
            "养殖",
            "种植",
            "生物",
            "环保",
            "热力",
            "电力",
            "燃气",
            "汽车",
            "销售",
            "超市",
            "连锁",
            "家政",
            "康养",
            "路桥",
            "水利",
            "园林",
            "印刷",
            "包装",
            "塑料",
            "五金",
            # places
            "河南省",
            "河南",
            "平顶山市",
            "平顶山",
            "新华区",
            "卫东区",
            "石龙区",
            "湛河区",
            "宝丰县",
            "宝丰",
            "叶县",
            "鲁山县",
            "鲁山",
            "郏县",
            "舞钢市",
            "舞钢",
            "汝州市",
            "汝州",
            "高新区",
            "示范区",
        },
        key=len,
        reverse=True,
    )
)
_SPLIT = re.compile(f"({_SHARED_PARTS}|[（）()·\\s])")
_HAN = re.compile(r"[\u3400-\u9fff]")


_RUNS = re.compile(r"[\u3400-\u9fff]+|[^\u3400-\u9fff]+")


@lru_cache(maxsize=262_144)
def _piece(piece: str) -> tuple[tuple[str, bool], ...]:
    """(syllable or other-text run, is_han) for one piece of a name."""
    out: list[tuple[str, bool]] = []
    for run in _RUNS.findall(piece):
        if _HAN.match(run):
            # Imported here: pypinyin's dictionaries cost ~40 MB and 0.3 s, which
            # the window should not pay until a name is actually written.
            from pypinyin import Style, lazy_pinyin

            out.extend((s, True) for s in lazy_pinyin(run, style=Style.NORMAL, strict=False))
        else:
            out.append((run.lower(), False))
    return tuple(out)


def bound_cache(limit: int) -> None:
    """Forget the cached pieces once there are more than `limit` (a bulk writer calls
    this between chunks): a million generated names hold ~130,000 distinct pieces,
    ~70 MB in the cache, read once each."""
    if _piece.cache_info().currsize > limit:
        _piece.cache_clear()


def syllables(name: str) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    for piece in _SPLIT.split(name):
        if piece and not piece.isspace():
            out.extend(_piece(piece))
    return out


def name_keys(name: str) -> tuple[str, str]:
    """(sort key, initials) for a name: ("pingdingshanmeikuang…", "pdsmk…").

    A syllable gives its first letter to the initials; a run of letters or
    digits is kept whole, so "ABC科技" has the initials "abckj".
    """
    parts = syllables(name)
    sort_key = "".join(text for text, _ in parts)
    initials = "".join(text[0] if is_han else text for text, is_han in parts)
    return sort_key[:800], initials[:200]
