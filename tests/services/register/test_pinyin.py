from app.services.register.pinyin_keys import name_keys


def test_heteronyms_read_by_phrase():
    assert name_keys("重庆银行")[1] == "cqyh"
    assert name_keys("平顶山长城调味品厂")[0] == "pingdingshanchangchengtiaoweipinchang"


def test_initials_of_company_name():
    assert name_keys("平顶山煤矿有限公司")[1] == "pdsmkyxgs"


def test_letters_and_digits_kept_whole():
    assert name_keys("ABC科技有限公司")[1] == "abckjyxgs"
    assert name_keys("汝州市123超市")[1] == "rzs123cs"
