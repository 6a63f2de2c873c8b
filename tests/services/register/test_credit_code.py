import pytest

from app.services.demo.demo import make_credit_code, org_code_check
from app.services.register import credit_code


def test_known_valid_code():
    assert credit_code.problem("91110000600037341L") is None


def test_valid_code_starting_with_a_letter_is_accepted():
    # stdnum's validate() rejects these; GB 32100 allows N (农业), A and Y registrars.
    first17 = "N2410482MA4G7R2K9"
    code = first17 + credit_code.check_character(first17)
    assert credit_code.problem(code) is None


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("91110000600037341M", "校验位不符"),
        ("91110000600037341l", "大写"),
        ("9111000060003734", "18 位"),
        ("91110000600037341I", "不允许的字符"),
        ("B1110000600037341L", "登记管理部门"),
        ("9111AB00600037341L", "行政区划"),
        ("", "请填写"),
    ],
)
def test_invalid_codes_say_why(code, words):
    assert words in credit_code.problem(code)


def test_normalize_folds_full_width_and_spaces():
    assert (
        credit_code.normalize(" ９１１１０００ ０６０００３７３４１Ｌ\u3000")
        == "91110000600037341L"
    )


def test_demo_codes_are_valid_and_carry_org_check():
    code = make_credit_code("410482", 12345678)
    assert credit_code.is_valid(code)
    assert code[16] == org_code_check(code[8:16])


def test_check_character_agrees_with_stdnum():
    import random

    from stdnum.cn import uscc

    rng = random.Random(5)
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    for _ in range(500):
        body = "".join(rng.choice(alphabet) for _ in range(17))
        assert credit_code.check_character(body) == uscc.calc_check_digit(body)
