"""library.thai_text: normalising, segmenting, parsing queries and marking matches."""

from library.thai_text import Query, highlight, normalize, segmented, words


def test_normalize_folds_case_spaces_and_zero_width_characters():
    assert normalize("  ABC\u200bผ้า \n ไทย ") == "abcผ้า ไทย"


def test_words_cut_thai_and_leave_punctuation_out():
    assert words("ประกวดคัดเลือกลายผ้าประจำจังหวัด “ลายสุพรรณิการ์”") == [
        "ประกวด",
        "คัดเลือก",
        "ลาย",
        "ผ้า",
        "ประจำจังหวัด",
        "ลาย",
        "สุพรรณิการ์",
    ]
    assert segmented("ศอช.") == "ศอ ช"


def test_query_keeps_terms_and_their_words():
    query = Query.parse("  ศอช.  ผ้าไทย !!! ")
    assert query.phrase == "ศอช. ผ้าไทย !!!"
    assert query.terms == ("ศอช.", "ผ้าไทย")
    assert query.term_words == (("ศอ", "ช"), ("ผ้า", "ไทย"))


def test_symbols_alone_are_no_query():
    assert not Query.parse("!!! ...")
    assert not Query.parse("")


def test_highlight_marks_the_original_text_escaped():
    marked = highlight("<b>ลาย</b> “ลายสุพรรณิการ์”", Query.parse("สุพรรณิการ์"))
    assert marked == "&lt;b&gt;ลาย&lt;/b&gt; “ลาย<mark>สุพรรณิการ์</mark>”"


def test_highlight_ignores_case_and_keeps_the_original_letters():
    assert highlight("Project OTOP", Query.parse("otop")) == "Project <mark>OTOP</mark>"


def test_highlight_with_context_cuts_around_the_first_match():
    text = "ก" * 300 + "ศอช." + "ข" * 300
    marked = highlight(text, Query.parse("ศอช."), context=20)
    assert marked.startswith("…") and marked.endswith("…")
    assert "<mark>ศอช.</mark>" in marked
    assert len(marked) < 80


def test_highlight_escapes_a_query_with_markup():
    assert highlight("a <script> b", Query.parse("<script>")) == "a <mark>&lt;script&gt;</mark> b"


def test_ngrams_are_marked_trigrams_of_each_run():
    from library.thai_text import ngrams

    assert ngrams("ศอช. AB") == ["~ศอช", "~อช."]
    assert ngrams("ab") == []


def test_a_term_found_whole_is_marked_and_not_its_letters():
    assert highlight("การประชุม ศอช.", Query.parse("ศอช.")) == "การประชุม <mark>ศอช.</mark>"


def test_words_are_marked_where_the_term_is_not_whole():
    assert highlight("ผ้า และ ไทย", Query.parse("ผ้าไทย")) == "<mark>ผ้า</mark> และ <mark>ไทย</mark>"
