"""Bytes to text: encodings detected without being told, line ends and invisible characters normalised."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govplan import UnsupportedFormatError
from govplan.reading.decode import _common_chars, decode, normalize_text, split_lines

PLAN = "一、工作目标\n（一）推进产业升级。(区发展改革局牵头，区财政局配合)\n2.优化营商环境，2024年6月底前完成。\n"


@pytest.mark.parametrize(
    ("encoded", "encoding"),
    [
        (PLAN.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + PLAN.encode("utf-8"), "utf-8-sig"),
        (PLAN.encode("gbk"), "gb18030"),
        (PLAN.encode("gb18030"), "gb18030"),
        (PLAN.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + PLAN.encode("utf-16-be"), "utf-16"),
        (PLAN.encode("utf-32"), "utf-32"),
        (b"\x84\x31\x95\x33" + PLAN.encode("gb18030"), "gb18030"),
    ],
)
def test_encodings_are_detected(encoded: bytes, encoding: str) -> None:
    decoded = decode(encoded)
    assert decoded.text == PLAN
    assert decoded.encoding == encoding
    assert decoded.replaced == 0


def test_line_ends_are_unified_without_renumbering() -> None:
    text = decode("甲\r\n乙\r丙\n\r\n丁".encode()).text
    assert text == "甲\n乙\n丙\n\n丁"
    assert [line.number for line in split_lines(text) if line.text == "丁"] == [5]


def test_invisible_and_control_characters() -> None:
    assert normalize_text("区发\u200b改局\ufeff") == "区发改局"
    assert normalize_text("\x0c第二页\xa0内容\u3000（一）") == " 第二页 内容\u3000（一）"
    assert normalize_text("甲\u2028乙") == "甲\n乙"


def test_full_and_half_width_punctuation_is_kept_as_printed() -> None:
    text = "(一)（二）〔2024〕【区财政局】[区商务局]：:；;"
    assert decode(text.encode("gbk")).text == text


def test_short_gbk_text_is_not_mistaken_for_utf8() -> None:
    assert decode("区财政局".encode("gbk")).text == "区财政局"
    assert decode("亊".encode("gb18030")).text == "亊"  # one rare character: too little to judge, still GB18030


def test_rare_characters_in_names_do_not_defeat_detection() -> None:
    text = "区教育局负责人王喆、李堃、张昇参加会议，推进重点项目建设，完善工作机制。" * 3
    assert decode(text.encode("gb18030")).encoding == "gb18030"


def test_binary_data_is_refused_with_the_file_name() -> None:
    with pytest.raises(UnsupportedFormatError, match=r"^scan\.bin: binary data.*save the document as UTF-8"):
        decode(bytes(range(256)) * 4, "scan.bin")
    with pytest.raises(UnsupportedFormatError, match="control bytes"):
        decode(b"\x01\x02\x03\x04abc" * 10, "x.txt")


def test_nearly_utf8_text_keeps_its_good_part() -> None:
    damaged = PLAN.encode("utf-8") + b"\xff" + PLAN.encode("utf-8")
    decoded = decode(damaged)
    assert decoded.encoding == "utf-8" and decoded.replaced == 1
    assert decoded.text == PLAN + "\ufffd" + PLAN


def test_replacement_characters_already_in_the_file_are_not_damage() -> None:
    assert decode("甲\ufffd乙".encode("utf-16")).replaced == 0


def test_unknown_encoding_is_refused() -> None:
    big5 = ("臺灣地區推動產業發展計畫，各機關應依權責辦理相關業務。" * 20).encode("big5")
    with pytest.raises(UnsupportedFormatError, match="not text in a known encoding"):
        decode(big5, "tw.txt")


def test_split_lines_counts_like_grep() -> None:
    assert split_lines("") == ()
    assert [(ln.number, ln.text) for ln in split_lines("甲\n\n乙")] == [(1, "甲"), (2, ""), (3, "乙")]


# Documents use common characters (GB2312) with a rare one now and then (names such as 喆, 堃).
common = st.sampled_from(sorted(_common_chars()))
rare = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
cjk_text = st.text(st.one_of(common, common, common, common, common, common, common, common, common, rare,
                             st.sampled_from(list("，。、；：（）()〔〕【】0123456789 \n"))), min_size=1, max_size=200)


@settings(max_examples=150, deadline=None)
@given(cjk_text, st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
def test_any_chinese_text_round_trips_in_every_supported_encoding(text: str, encoding: str) -> None:
    try:
        encoded = text.encode(encoding)
    except UnicodeEncodeError:
        return
    decoded = decode(encoded)
    if encoding == "gb18030" and decoded.encoding == "utf-8":
        # A few GB18030 byte strings are valid UTF-8 too; then both decodings must at least be text.
        assert decoded.replaced == 0
        return
    assert decoded.text == normalize_text(text)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_decode_or_raise_unsupported(data: bytes) -> None:
    try:
        decoded = decode(data, "x")
    except UnsupportedFormatError as exc:
        assert exc.path == "x"
        return
    assert "\r" not in decoded.text and "\x00" not in decoded.text
