"""Pictures in the body: captions typed or absent, a text alternative, nothing from elsewhere."""

import pytest
from django.db import connection
from django.test import Client

from news.models import Article
from news.sanitize import clean_html
from tests.builders import ADD_URL, article_form
from tests.factories import ArticleFactory, CategoryFactory

PICTURE = '<img src="/media/editor/2024/05/hoi-nghi.jpg" alt="Hội trường đông người">'


@pytest.mark.parametrize("caption", ["Nhãn", "Caption", " Nhãn&nbsp;", "Chú thích ảnh", "nhãn"])
def test_placeholder_caption_is_dropped(caption):
    html = f'<figure class="article-figure"><img src="/media/a.jpg" alt="A"><figcaption>{caption}'
    cleaned = clean_html(html + "</figcaption></figure>")
    assert cleaned == '<p><img src="/media/a.jpg" alt="A"></p>'


@pytest.mark.parametrize("caption", ["", " ", "&nbsp;", "<br>", " <br> &nbsp; "])
def test_empty_caption_is_dropped(caption):
    html = f'<figure class="article-figure"><img src="/media/a.jpg" alt="A"><figcaption>{caption}'
    assert "figcaption" not in clean_html(html + "</figcaption></figure>")


@pytest.mark.parametrize(
    ("align", "expected"),
    [
        ("align-center", '<p class="align-center"><img src="/media/a.jpg" alt="A"></p>'),
        ("align-left", '<p><img class="align-left" src="/media/a.jpg" alt="A"></p>'),
        ("align-right", '<p><img class="align-right" src="/media/a.jpg" alt="A"></p>'),
    ],
)
def test_figure_left_without_caption_becomes_the_picture_with_its_alignment(align, expected):
    html = f'<figure class="article-figure {align}"><img src="/media/a.jpg" alt="A">'
    cleaned = clean_html(html + "<figcaption>Nhãn</figcaption></figure>")
    assert cleaned == expected
    assert clean_html(cleaned) == cleaned


def test_linked_picture_keeps_its_link_when_the_caption_goes():
    html = (
        '<figure class="article-figure"><a href="/tin-tuc/"><img src="/media/a.jpg" alt="A"></a>'
        "<figcaption>&nbsp;</figcaption></figure>"
    )
    assert clean_html(html) == (
        '<p><a href="/tin-tuc/" rel="noopener noreferrer"><img src="/media/a.jpg" alt="A"></a></p>'
    )


def test_typed_caption_is_kept():
    html = (
        '<figure class="article-figure align-center"><img src="/media/a.jpg" alt="Hội trường">'
        "<figcaption>Quang cảnh hội nghị. Ảnh: <em>Minh Thư</em></figcaption></figure>"
    )
    assert clean_html(html) == html


@pytest.mark.parametrize(
    "src",
    [
        "file:///C:/Users/ldld/AppData/Local/Temp/msohtmlclip1/01/clip_image002.jpg",
        "data:image/png;base64,iVBORw0KGgo=",
        "https://baomoi.example/anh.jpg",
        "http://evil.example/pixel.gif",
        "//evil.example/pixel.gif",
        "blob:https://congdoan.example/5d1c",
        "cid:image001.png@01DA0C2B",
    ],
)
def test_foreign_pictures_go_without_leaving_empty_wrappers(src):
    html = (
        f'<p>Trước.</p><p><img src="{src}" alt="Ảnh"></p>'
        f'<p class="text-center">&nbsp;<img src="{src}" alt="Ảnh"><br></p>'
        f'<p><a href="/tin-tuc/"><img src="{src}" alt="Ảnh"></a></p>'
        f'<figure class="article-figure align-center"><img src="{src}" alt="Ảnh">'
        "<figcaption>Ảnh từ trang khác</figcaption></figure>"
        f'<p>Giữa <img src="{src}" alt="Ảnh"> câu.</p><p>Sau.</p>'
    )
    assert clean_html(html) == "<p>Trước.</p><p>Giữa  câu.</p><p>Sau.</p>"


def test_empty_paragraphs_typed_by_staff_stay():
    html = "<p>Một.</p><p>&nbsp;</p><p>Hai.</p>"
    assert clean_html(html) == html


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<p align="center">Giữa</p>', '<p class="text-center">Giữa</p>'),
        ('<p align="right">Phải</p>', '<p class="text-right">Phải</p>'),
        ('<p style="text-align: justify">Đều</p>', '<p class="text-justify">Đều</p>'),
        ('<p class="MsoNormal" style="text-align:right">Ký</p>', '<p class="text-right">Ký</p>'),
        ('<h2 style="TEXT-ALIGN: CENTER">Mục</h2>', '<h2 class="text-center">Mục</h2>'),
        ('<p align="left">Trái</p>', "<p>Trái</p>"),
        ('<p style="margin:0">Lề</p>', "<p>Lề</p>"),
    ],
)
def test_word_alignment_becomes_a_class(html, expected):
    assert clean_html(html) == expected


def test_a_word_fragment_is_cleaned():
    word = """<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->
<p class=MsoNormal align=center style='text-align:center;line-height:150%'><b><span
style='font-size:14.0pt;font-family:"Times New Roman",serif;mso-fareast-language:VI'>THÔNG
BÁO<o:p></o:p></span></b></p>
<p class=MsoNormal style='text-align:justify;text-indent:36.0pt'><span lang=VI
style='font-size:13.0pt;font-family:"Times New Roman",serif'>Ban Thường vụ Liên đoàn Lao
động tỉnh tổ chức hội nghị.<o:p></o:p></span></p>
<p class=MsoNormal><span style='mso-no-proof:yes'><v:shape id="Picture_1" type="#_x0000_t75"
style='width:200pt;height:150pt'><v:imagedata src="file:///C:/Users/a/clip_image001.png"
o:title=""/></v:shape><![if !vml]><img width=267 height=200
src="file:///C:/Users/a/clip_image002.jpg" v:shapes="Picture_1"><![endif]></span></p>
<p class=MsoNormal align=right style='text-align:right'><i><span
style='font-size:13.0pt'>Tây Ninh, ngày 1 tháng 5 năm 2024</span></i></p>"""
    cleaned = clean_html(word)
    assert '<p class="text-center"><b>THÔNG\nBÁO</b></p>' in cleaned
    assert '<p class="text-justify">Ban Thường vụ' in cleaned
    assert '<p class="text-right"><i>Tây Ninh, ngày 1 tháng 5 năm 2024</i></p>' in cleaned
    for gone in ("Mso", "mso", "span", "style", "font", "<img", "file:", "o:p", "v:", "<xml"):
        assert gone not in cleaned, gone
    assert "<p>\n</p>" not in cleaned and "<p></p>" not in cleaned
    assert clean_html(cleaned) == cleaned


@pytest.mark.django_db
def test_admin_form_refuses_a_picture_without_alt_and_names_it(staff_client):
    body = (
        f"<p>Ảnh có mô tả:</p><p>{PICTURE}</p>"
        '<figure class="article-figure"><img src="/media/editor/2024/05/trao-qua.jpg" alt=" ">'
        "<figcaption>Trao quà cho công nhân</figcaption></figure>"
        '<p><img src="/media/editor/2024/05/mit-tinh.png"></p>'
    )
    response = staff_client.post(ADD_URL, article_form(CategoryFactory(), body=body))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["body"]
    assert len(errors) == 2
    assert "“trao-qua.jpg” chưa có mô tả cho người không xem được ảnh" in errors[0]
    assert "“mit-tinh.png”" in errors[1]
    assert "trao-qua.jpg" in response.content.decode()
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_admin_form_stores_a_captioned_picture_with_alt(staff_client):
    body = (
        f'<figure class="article-figure align-center">{PICTURE}'
        "<figcaption>Quang cảnh hội nghị</figcaption></figure>"
        '<figure class="article-figure"><img src="/media/editor/2024/05/b.jpg" alt="Đoàn viên">'
        "<figcaption>Nhãn</figcaption></figure>"
    )
    response = staff_client.post(ADD_URL, article_form(CategoryFactory(), body=body))
    assert response.status_code == 302
    stored = Article.objects.get().body
    assert "<figcaption>Quang cảnh hội nghị</figcaption>" in stored
    assert "Nhãn" not in stored and stored.count("<figcaption>") == 1
    assert '<p><img src="/media/editor/2024/05/b.jpg" alt="Đoàn viên"></p>' in stored


@pytest.mark.django_db
def test_old_bodies_with_empty_alt_still_render():
    article = ArticleFactory(body="<p>Bài cũ.</p>")
    old = '<p>Bài cũ.</p><p><img src="/media/editor/2019/01/cu.jpg" alt=""></p>'
    with connection.cursor() as cursor:
        table = Article._meta.db_table
        cursor.execute(f"UPDATE {table} SET body = %s WHERE id = %s", [old, article.pk])
    html = Client().get(article.get_absolute_url()).content.decode()
    assert '<img src="/media/editor/2019/01/cu.jpg" alt="">' in html
    saved = ArticleFactory(body=old)  # saved outside the form (imports, shell): kept as it was
    assert saved.body == old
